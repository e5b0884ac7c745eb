// Security headers, shared by next.config.js (every response) and proxy.ts (nonces on dynamic pages).
// Plain CommonJS because next.config.js loads it before any TypeScript is compiled.

/** Pages rendered per request. They get a CSP with a per-request nonce for scripts (see proxy.ts). */
const DYNAMIC_PAGES = [
  "quiz",
  "review",
  "progress",
  "teams",
  "admin",
  "join",
  "signin",
  "signup",
  "signout",
  "account",
];

/**
 * The Content-Security-Policy. `scriptSource` is either a nonce or, for statically generated pages,
 * 'unsafe-inline': their HTML is built once, so it cannot carry a per-request nonce, and Next's inline
 * hydration data differs per page. Never 'unsafe-eval' in production.
 */
function contentSecurityPolicy(scriptSource, production) {
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

/** Headers for every response. HSTS only in production, where the app is served over HTTPS. */
function baseHeaders(production) {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    ...(production
      ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
      : []),
  ];
}

module.exports = { DYNAMIC_PAGES, contentSecurityPolicy, baseHeaders };
