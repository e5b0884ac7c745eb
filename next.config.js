const { PUBLISHED_DIR, PUBLISHED_PAGES } = require("./lib/published-pages");
const { DYNAMIC_PAGES, baseHeaders, contentSecurityPolicy } = require("./lib/security-headers");

const production = process.env.NODE_ENV === "production";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Lessons and tag pages are prerendered, and `npm run build` copies their HTML into public/ so that
  // a page load is served as a file: through Next's renderer the same cached HTML came out at a sixth
  // of a static file's rate (README, "Performance"). Client-side navigations send an RSC header and
  // still get their payload from Next.
  async rewrites() {
    if (!production) return [];
    return {
      beforeFiles: PUBLISHED_PAGES.map(({ source, destination }) => ({
        source,
        destination,
        missing: [{ type: "header", key: "rsc" }],
      })),
    };
  },
  async headers() {
    return [
      { source: "/:path*", headers: baseHeaders(production) },
      // Statically generated pages and everything else; dynamic pages get a nonce policy from proxy.ts.
      {
        source: `/((?!${DYNAMIC_PAGES.join("|")}).*)`,
        headers: [
          {
            key: "Content-Security-Policy",
            value: contentSecurityPolicy("'unsafe-inline'", production),
          },
        ],
      },
      // One URL, two bodies (the HTML file, or the RSC payload): shared caches must key on the header.
      ...PUBLISHED_PAGES.map(({ source }) => ({
        source,
        headers: [{ key: "Vary", value: "RSC" }],
      })),
      // The files' own paths are an implementation detail; search engines should list the pages' URLs.
      { source: `/${PUBLISHED_DIR}/:path*`, headers: [{ key: "X-Robots-Tag", value: "noindex" }] },
    ];
  },
};

module.exports = nextConfig;
