import { NextResponse, type NextRequest } from "next/server";
import { routedPath } from "@/lib/http/routed-path";
import {
  baseSecurityHeaders,
  contentSecurityPolicy,
  isRenderedPerRequest,
} from "@/lib/security-headers";

const production = process.env.NODE_ENV === "production";
const BASE_HEADERS = Object.entries(baseSecurityHeaders(production));
const PRERENDERED_POLICY = contentSecurityPolicy("'unsafe-inline'", production);

/**
 * Sets the security headers of every response. A page rendered per request gets a policy with a
 * fresh script nonce, which Next reads from the request's policy header and puts on its own scripts.
 * This only sets headers: authorization is checked by every page, route and action itself.
 */
export function proxy(request: NextRequest) {
  let response: NextResponse;
  let policy = PRERENDERED_POLICY;
  if (isRenderedPerRequest(routedPath(request.nextUrl.pathname) ?? request.nextUrl.pathname)) {
    const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
    policy = contentSecurityPolicy(`'nonce-${nonce}'`, production);
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", policy);
    response = NextResponse.next({ request: { headers } });
  } else {
    response = NextResponse.next();
  }
  for (const [key, value] of BASE_HEADERS) response.headers.set(key, value);
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// No matcher: static files, API routes and pages alike need the headers, and a matcher has to be a
// literal, so the one list of pages with a nonce lives in lib/security-headers.ts instead.
