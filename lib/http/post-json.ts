import type { ErrorBody, FieldErrors } from "@/lib/contracts/errors";

/** What a form hears back from one of our JSON routes: its answer, or what to show beside it. */
export type PostJsonResult<T> =
  { ok: true; data: T } | { ok: false; message: string; fields: FieldErrors };

export const UNREACHABLE_MESSAGE =
  "Could not reach the server. Check your connection and try again.";

/**
 * POSTs `body` as JSON from the browser and reads the answer in the API's error shape: the
 * server's message and field errors, or `fallback` when it sent none, or a plain word that the
 * server could not be reached.
 */
export async function postJson<T>(
  url: string,
  body: unknown,
  fallback: string,
): Promise<PostJsonResult<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  }).catch(() => null);
  if (!response) return { ok: false, message: UNREACHABLE_MESSAGE, fields: {} };
  if (!response.ok) {
    const payload = (await response.json().catch(() => null)) as ErrorBody | null;
    return {
      ok: false,
      message: payload?.error?.message ?? fallback,
      fields: payload?.error?.fields ?? {},
    };
  }
  return { ok: true, data: (await response.json()) as T };
}
