import "server-only";
import type { z } from "zod";
import type { ErrorBody } from "@/lib/contracts/errors";
import { isWriteConflict } from "@/server/db/errors";
import { HttpError, validationFailed } from "./errors";
import { RateLimited } from "./rate-limit";

/** Bodies above this are refused before they are parsed. */
export const MAX_BODY_BYTES = 64 * 1024;

export function errorResponse(error: HttpError): Response {
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
    },
  };
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (error instanceof RateLimited) headers["Retry-After"] = String(error.retryAfterSeconds);
  return Response.json(body, { status: error.status, headers });
}

export interface ReadJsonOptions {
  /** The cap, for the rare route whose body is a document rather than a form: MAX_BODY_BYTES else. */
  maxBytes?: number;
  /** What a body over the cap is told; `bytes` is its declared size, when the client gave one. */
  tooLargeMessage?: (bytes: number | undefined) => string;
}

/** Reads a JSON body under a size cap and validates it: 413, 415, 400 or 422 otherwise. */
export async function readJson<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  {
    maxBytes = MAX_BODY_BYTES,
    tooLargeMessage = () => `The body is larger than ${maxBytes / 1024} KiB.`,
  }: ReadJsonOptions = {},
): Promise<z.infer<Schema>> {
  const tooLarge = (bytes?: number) =>
    new HttpError(413, "payload_too_large", tooLargeMessage(bytes));
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(declared);
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(
      415,
      "unsupported_media_type",
      "Send the body as JSON with Content-Type: application/json.",
    );
  }
  const text = await readCapped(request, maxBytes, tooLarge);
  let value: unknown;
  try {
    value = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new HttpError(400, "bad_request", "The body is not valid JSON.");
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationFailed(parsed.error);
  return parsed.data;
}

/** Reads the body as text, stopping as soon as it passes the cap (a missing Content-Length included). */
async function readCapped(
  request: Request,
  maxBytes: number,
  tooLarge: () => HttpError,
): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const UNAVAILABLE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|57P01|57P02|57P03|08006|08001|08003|P1001|P1002|P1017|DatabaseNotReachable|Can't reach database server|Connection terminated|connection is closed|terminating connection|database system is (starting up|shutting down)|SQLITE_BUSY|SQLITE_CANTOPEN|unable to open database/i;

/**
 * True when the error, or anything in its cause chain, means the database cannot be reached, or is
 * too busy to take this change: a write conflict that outlasted transaction()'s retries.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (isWriteConflict(error)) return true;
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const text = `${(current as { code?: string }).code ?? ""} ${(current as { kind?: string }).kind ?? ""} ${current instanceof Error ? current.message : String(current)}`;
    if (UNAVAILABLE.test(text)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

type Handler<Context> = (request: Request, context: Context) => Promise<Response>;

/**
 * Refuses a state-changing request sent from another site. Browsers always send Origin on a cross-origin
 * POST, PUT or DELETE, so a foreign Origin is a forged request; SameSite=Lax cookies are the second line.
 */
export function assertSameOrigin(request: Request): void {
  if (request.method === "GET" || request.method === "HEAD") return;
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new HttpError(403, "forbidden", "Cross-origin requests are not allowed.");
  }
  if (originHost !== host)
    throw new HttpError(403, "forbidden", "Cross-origin requests are not allowed.");
}

/** Wraps a route handler: expected failures get the JSON error shape, an outage 503, a bug 500. */
export function route<Context>(handler: Handler<Context>): Handler<Context> {
  return async (request, context) => {
    try {
      assertSameOrigin(request);
      const response = await handler(request, context);
      // Most answers carry someone's progress or account: no shared or browser cache may keep them.
      if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "no-store");
      return response;
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error);
      if (isDatabaseUnavailable(error)) {
        return errorResponse(
          new HttpError(
            503,
            "database_unavailable",
            "The database is unavailable. Try again in a moment.",
          ),
        );
      }
      console.error(error);
      return errorResponse(new HttpError(500, "internal", "Something went wrong on our side."));
    }
  };
}
