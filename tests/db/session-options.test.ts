import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function options(env: Record<string, string>) {
  vi.stubEnv("NEXTAUTH_SECRET", "test-secret");
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  return (await import("@/server/auth/options")).getAuthOptions();
}

describe("session settings", () => {
  it("[SESSION] cookies are Secure and __Secure-prefixed behind HTTPS", async () => {
    const secure = await options({ NEXTAUTH_URL: "https://academy.example" });
    expect(secure.cookies?.sessionToken).toMatchObject({
      name: "__Secure-next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", secure: true },
    });
    vi.resetModules();
    const plain = await options({ NEXTAUTH_URL: "http://localhost:3000" });
    expect(plain.cookies?.sessionToken).toMatchObject({
      name: "next-auth.session-token",
      options: { secure: false },
    });
  });

  it("[SESSION] a session ends after SESSION_IDLE_MINUTES without a page load", async () => {
    const o = await options({ SESSION_IDLE_MINUTES: "15" });
    expect(o.session).toMatchObject({ strategy: "jwt", maxAge: 15 * 60 });
    expect(o.session?.updateAge).toBeLessThanOrEqual(15 * 60);
  });

  it("[SESSION] a session older than SESSION_MAX_HOURS is refused, however active", async () => {
    vi.stubEnv("SESSION_MAX_HOURS", "2");
    const { sessionTooOld } = await import("@/server/auth/options");
    const now = Date.now();
    expect(sessionTooOld(Math.floor(now / 1000) - 3600, now)).toBe(false);
    expect(sessionTooOld(Math.floor(now / 1000) - 3 * 3600, now)).toBe(true);
    expect(sessionTooOld(undefined, now)).toBe(true);
  });

  it("[SESSION] every sign-in issues a fresh token", async () => {
    const o = await options({});
    const jwt = o.callbacks!.jwt!;
    const user = { id: "u1", sessionVersion: 3 } as never;
    const first = await jwt({ token: {}, user, account: null, trigger: "signIn" } as never);
    expect(first).toMatchObject({ uid: "u1", sv: 3, authTime: expect.any(Number) });
  });
});
