const { DYNAMIC_PAGES, baseHeaders, contentSecurityPolicy } = require("./lib/security-headers");

const production = process.env.NODE_ENV === "production";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      { source: "/:path*", headers: baseHeaders(production) },
      // Statically generated pages and everything else; dynamic pages get a nonce policy from proxy.ts.
      {
        source: `/((?!${DYNAMIC_PAGES.join("|")}).*)`,
        headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy("'unsafe-inline'", production) }],
      },
    ];
  },
};

module.exports = nextConfig;
