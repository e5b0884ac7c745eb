/** Every code a JSON route or a server action may answer with, beside its HTTP status. */
export type ErrorCode =
  | "bad_request"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "validation_failed"
  | "too_many_requests"
  | "database_unavailable"
  | "internal";

/** Messages per field, keyed by the field's path ("answers.0.choice"); "_" for the input as a whole. */
export type FieldErrors = Record<string, string[]>;

/** The one error body of every JSON route and every server action. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldErrors };
}
