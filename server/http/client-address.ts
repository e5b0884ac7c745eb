import "server-only";
import { headers } from "next/headers";

/**
 * The client's address, for throttling. The app's server (scripts/serve.mjs) resolves it from the
 * socket and TRUSTED_PROXY_HOPS (lib/auth/throttle.ts, `clientAddress`) and writes it into
 * X-Forwarded-For in place of whatever the client sent, so by the time a request reaches a route
 * the header holds exactly that one address.
 */
export function requestAddress(header: (name: string) => string | null | undefined): string {
  return header("x-forwarded-for")?.trim() || "unknown";
}

/** The client's address, for a server action or a page: read from the request being handled. */
export async function currentRequestAddress(): Promise<string> {
  const requestHeaders = await headers();
  return requestAddress((name) => requestHeaders.get(name));
}
