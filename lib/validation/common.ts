import { z } from "zod";

/**
 * An id as the app makes them (UUIDs, cuids). Anything else is refused at the edge: PostgreSQL
 * rejects some bytes outright (NUL), so a stray value would otherwise fail deep in a query.
 */
export const idSchema = z
  .string({ error: "An id is required" })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a valid id");

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// Invisible characters that change how text around them reads: zero-width spaces and joiners,
// directional marks, embeddings, overrides and isolates, and the byte-order mark. In a name they can
// make "Admin" look like someone else, or reverse the text after it on an instructor's screen.
const INVISIBLE_FORMATTING = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** Text a person typed: trimmed, within `max` characters, and free of control characters. */
export function plainText(label: string, max: number) {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`)
    .refine(
      (value) => !CONTROL_CHARACTERS.test(value),
      `${label} must not contain control characters`,
    )
    .refine(
      (value) => !INVISIBLE_FORMATTING.test(value),
      `${label} must not contain invisible or text-direction characters`,
    );
}
