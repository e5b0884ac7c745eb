// The security headers of every response, applied by proxy.ts.

/**
 * The pages rendered per request (ƒ in `next build`'s route list), in the app's route notation.
 * Only these can carry a per-request script nonce: every other page's HTML is built once. A page is
 * listed here if and only if it is rendered per request; e2e/api/pages-api.spec.ts checks both ways
 * for every page route in app/.
 */
export const PAGES_RENDERED_PER_REQUEST = [
  "/",
  "/account",
  "/admin/audit",
  "/admin/reports",
  "/admin/users",
  "/assignments/[id]",
  "/authoring/preview",
  "/forgot-password",
  "/join/[code]",
  "/practice",
  "/practice/[attemptId]",
  "/progress",
  "/quiz/[slug]",
  "/reset-password",
  "/review",
  "/signin",
  "/signup",
  "/teams",
  "/teams/[id]",
  "/teams/[id]/learners/[userId]",
  "/verify-email",
] as const;

const DYNAMIC_SEGMENT = /^\[[^\]]+\]$/;

const segmentsOf = (path: string) => path.split("/").filter(Boolean);

// Split once: the proxy asks for every request.
const ROUTE_SEGMENTS = PAGES_RENDERED_PER_REQUEST.map(segmentsOf);

/** Whether a request path is one of PAGES_RENDERED_PER_REQUEST; `[param]` stands for one segment. */
export function isRenderedPerRequest(pathname: string): boolean {
  const segments = segmentsOf(pathname);
  return ROUTE_SEGMENTS.some((routeSegments) => {
    return (
      routeSegments.length === segments.length &&
      routeSegments.every((segment, i) => DYNAMIC_SEGMENT.test(segment) || segment === segments[i])
    );
  });
}

/**
 * Where scripts may come from besides 'self': a per-request nonce, or 'unsafe-inline' for everything
 * else, because a prerendered page's HTML cannot carry a nonce and Next's inline hydration data
 * differs per page.
 */
export type ScriptSource = "'unsafe-inline'" | `'nonce-${string}'`;

/** The Content-Security-Policy. Never 'unsafe-eval' in production; React needs it in development. */
export function contentSecurityPolicy(scriptSource: ScriptSource, production: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptSource}${production ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The other headers every response carries. HSTS only in production, which is served over HTTPS. */
export function baseSecurityHeaders(production: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    ...(production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
