import "server-only";
import type { z } from "zod";
import type { ErrorCode, FieldErrors } from "@/lib/contracts/errors";

/** An expected failure with its HTTP status; route handlers turn it into the JSON error shape. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
  }
}

export const unauthenticated = () => new HttpError(401, "unauthenticated", "Sign in to continue.");
export const forbidden = (message = "You do not have access to this.") =>
  new HttpError(403, "forbidden", message);
export const notFound = (what: string) => new HttpError(404, "not_found", `${what} not found.`);
export const conflict = (message: string) => new HttpError(409, "conflict", message);

/** zod issues as `{ "path.to.field": ["message"] }`; a root-level issue is filed under "_". */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function validationFailed(error: z.ZodError): HttpError {
  return new HttpError(422, "validation_failed", "Some fields are not valid.", fieldErrors(error));
}
