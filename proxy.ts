import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/security-headers";

/**
 * Pages rendered per request get a Content-Security-Policy with a fresh script nonce; Next.js reads it
 * from the request and puts the nonce on its own scripts. This only sets headers: authorization is
 * checked by every page, route and action itself.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(`'nonce-${nonce}'`, process.env.NODE_ENV === "production");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// Must list the same pages as DYNAMIC_PAGES in lib/security-headers.js (a matcher has to be a literal).
export const config = {
  matcher: [
    "/quiz/:path*",
    "/review",
    "/progress",
    "/teams/:path*",
    "/teams",
    "/admin/:path*",
    "/join/:path*",
    "/signin",
    "/signup",
    "/signout",
    "/account",
  ],
};
