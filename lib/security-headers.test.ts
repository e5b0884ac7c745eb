import { describe, expect, it } from "vitest";
import {
  baseSecurityHeaders,
  contentSecurityPolicy,
  isRenderedPerRequest,
} from "./security-headers";

describe("isRenderedPerRequest", () => {
  it("matches the listed pages, a [param] standing for exactly one segment", () => {
    for (const path of [
      "/",
      "/signin",
      "/review",
      "/practice",
      "/practice/some-attempt",
      "/quiz/aws-iam",
      "/teams",
      "/teams/abc",
      "/teams/abc/learners/u1",
      "/join/CODE",
      "/admin/users",
    ])
      expect(isRenderedPerRequest(path), path).toBe(true);
  });

  it("leaves prerendered pages, files, API routes and unknown paths under a listed page alone", () => {
    for (const path of [
      "/lessons",
      "/lessons/aws-iam",
      "/tags/aws",
      "/signout",
      "/search-index.json",
      "/theme.js",
      "/_next/static/chunks/app.js",
      "/api/quizzes/aws-iam",
      "/quiz",
      "/quiz/aws-iam/extra",
      "/admin",
      "/teams/abc/learners",
      "/reviewer",
      "/practice/some-attempt/extra",
    ])
      expect(isRenderedPerRequest(path), path).toBe(false);
  });
});

describe("contentSecurityPolicy", () => {
  it("puts the script source in script-src and allows eval only outside production", () => {
    const policy = contentSecurityPolicy("'nonce-abc'", true);
    expect(policy).toContain("script-src 'self' 'nonce-abc';");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy("'unsafe-inline'", false)).toContain(
      "script-src 'self' 'unsafe-inline' 'unsafe-eval';",
    );
  });
});

describe("baseSecurityHeaders", () => {
  it("sends HSTS only in production", () => {
    expect(baseSecurityHeaders(true)["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(baseSecurityHeaders(false)).not.toHaveProperty("Strict-Transport-Security");
    expect(baseSecurityHeaders(false)["X-Content-Type-Options"]).toBe("nosniff");
  });
});
