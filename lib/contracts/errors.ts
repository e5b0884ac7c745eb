/** Every code a JSON route or a server action may answer with, beside its HTTP status. */
export type ErrorCode =
  | "bad_request"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  /** An assignment's practice test that has not opened yet. */
  | "not_open"
  /** An assignment's practice test whose attempts allowed are used up. */
  | "no_attempts_left"
  /** Starting a practice test for a notes assignment. */
  | "not_practice"
  | "already_reported"
  /** A one-time link's token that is unknown, used or expired. */
  | "invalid_token"
  /** An email feature asked of a server with no SMTP_URL. */
  | "email_unavailable"
  | "payload_too_large"
  | "unsupported_media_type"
  | "validation_failed"
  | "too_many_requests"
  /** Password sign-up, sign-in or change while AUTH_CREDENTIALS=false: accounts come from SSO. */
  | "credentials_disabled"
  /** Deleting an account with no password to type, from a session signed in too long ago. */
  | "reauthentication_required"
  | "database_unavailable"
  | "internal";

/** Messages per field, keyed by the field's path ("answers.0.choice"); "_" for the input as a whole. */
export type FieldErrors = Record<string, string[]>;

/** The one error body of every JSON route and every server action. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldErrors };
}
