import type { Awaitable, NextAuthOptions, User } from "next-auth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SSO_REFUSALS } from "@/lib/auth/sign-in-errors";
import { hashPassword } from "@/server/auth/password";
import { signInWithSso } from "@/server/auth/sso/sign-in-with-sso";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// The credentials provider reads the client's address from the request headers, as in a route.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "198.51.100.61" }),
}));

let t: TestDatabase;
let auth: NextAuthOptions;
let adaId: string;
const PASSWORD = "ada-lovelace-1815";

beforeAll(async () => {
  t = await createTestDatabase();
  adaId = (
    await t.db.user.create({
      data: { email: "ada@example.com", name: "Ada", passwordHash: await hashPassword(PASSWORD) },
    })
  ).id;
  vi.stubEnv("NEXTAUTH_SECRET", "test-secret");
  vi.stubEnv("DATABASE_URL", t.url);
  auth = (await import("@/server/auth/options")).getAuthOptions();
});

afterAll(async () => {
  const { getDb } = await import("@/server/db/client");
  await getDb().$disconnect();
  vi.unstubAllEnvs();
  await t.drop();
});

type Authorize = (credentials: Record<string, string>, request: unknown) => Awaitable<User | null>;

async function passwordSignIn(email: string, password: string) {
  const provider = auth.providers.find((p) => p.id === "credentials") as unknown as {
    options: { authorize: Authorize };
  };
  return provider.options.authorize({ email, password }, {});
}

async function entries(action: string) {
  const rows = await t.db.auditEntry.findMany({ where: { action }, orderBy: { at: "asc" } });
  return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as unknown }));
}

describe("sign-ins in the audit trail", () => {
  it("[AUDIT] records a password sign-in, a wrong password and an unknown email, never what was typed", async () => {
    expect(await passwordSignIn("ada@example.com", PASSWORD)).toMatchObject({ id: adaId });
    expect(await passwordSignIn("ada@example.com", "not-her-password")).toBeNull();
    expect(await passwordSignIn("nobody-here@example.com", "some-guess-123")).toBeNull();

    expect(await entries("auth.signin")).toMatchObject([
      {
        actorId: adaId,
        targetType: "user",
        targetId: adaId,
        address: "198.51.100.61",
        details: { via: "password" },
      },
    ]);
    const failed = await entries("auth.signin.fail");
    expect(failed).toMatchObject([
      {
        actorId: null,
        targetType: "user",
        targetId: adaId,
        address: "198.51.100.61",
        details: { via: "password", reason: "wrong_password" },
      },
      {
        actorId: null,
        targetId: null,
        address: "198.51.100.61",
        details: { via: "password", reason: "unknown_email" },
      },
    ]);
    // Neither the passwords nor the unknown email are stored anywhere in the trail, in any form.
    const trail = JSON.stringify(await t.db.auditEntry.findMany());
    for (const secret of [PASSWORD, "not-her-password", "some-guess-123", "nobody-here"])
      expect(trail).not.toContain(secret);
  });

  it("[AUDIT] records an SSO sign-in and a refused one", async () => {
    const ok = await signInWithSso(
      t.db,
      { sub: "sso-61", email: "sso61@idp.test", emailVerified: true, name: "S", groups: [] },
      {
        teams: { domains: new Map(), groups: new Map() },
        requireVerifiedEmail: false,
        address: null,
      },
    );
    expect(ok).toMatchObject({ ok: true, outcome: "created" });
    if (!ok.ok) return;
    expect((await entries("auth.signin")).at(-1)).toMatchObject({
      actorId: ok.userId,
      targetId: ok.userId,
      details: { via: "sso" },
    });
    const refused = await signInWithSso(
      t.db,
      { sub: "sso-62", email: undefined, emailVerified: false, name: "T", groups: [] },
      {
        teams: { domains: new Map(), groups: new Map() },
        requireVerifiedEmail: false,
        address: null,
      },
    );
    expect(refused).toEqual({ ok: false, refusal: SSO_REFUSALS.noEmail });
    expect((await entries("auth.signin.fail")).at(-1)).toMatchObject({
      actorId: null,
      targetId: null,
      details: { via: "sso", reason: "sso_no_email" },
    });
  });
});
