import { expect } from "vitest";
import { HttpError } from "@/server/http/errors";

/** Awaits a call that must fail with an HttpError of this status, and returns the error. */
export async function expectHttp(promise: Promise<unknown>, status: number): Promise<HttpError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  expect((error as HttpError).status).toBe(status);
  return error as HttpError;
}
