import "server-only";
import { headers } from "next/headers";

/**
 * The client's address, for throttling and rate limits, in any route, action or page. The app's
 * server (scripts/serve.ts) resolves it from the socket and TRUSTED_PROXY_HOPS (lib/auth/throttle.ts,
 * `clientAddress`) and writes it into X-Forwarded-For in place of whatever the client sent, so by
 * the time a request reaches the app the header holds exactly that one address.
 */
export async function currentRequestAddress(): Promise<string> {
  return (await headers()).get("x-forwarded-for")?.trim() || "unknown";
}
