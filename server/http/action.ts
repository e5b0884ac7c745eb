import "server-only";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import type { z } from "zod";
import { fieldErrors, HttpError, type ErrorBody } from "./errors";
import { isDatabaseUnavailable } from "./route";

/** What every server action returns: the JSON routes' error shape, or success with a message. */
export type ActionState = { ok: true; message: string } | ({ ok: false } & ErrorBody) | null;

export function parseForm<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new HttpError(422, "validation_failed", "Some fields are not valid.", fieldErrors(parsed.error));
  return parsed.data;
}

/** Runs an action body: expected failures become the error state; redirects pass through. */
export async function runAction(body: () => Promise<string>): Promise<ActionState> {
  try {
    return { ok: true, message: await body() };
  } catch (error) {
    if (isRedirectError(error)) throw error;
    if (error instanceof HttpError) {
      return { ok: false, error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
    }
    if (isDatabaseUnavailable(error)) return { ok: false, error: { code: "database_unavailable", message: "The database is unavailable. Try again in a moment." } };
    console.error(error);
    return { ok: false, error: { code: "internal", message: "Something went wrong on our side." } };
  }
}
