import type { JWT } from "next-auth/jwt";
import type { Awaitable, NextAuthOptions, Session, User } from "next-auth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SsoIdentity } from "@/lib/validation/sso";
import { confirmPasswordReset, createResetLink } from "@/server/account/password-reset";
import { newVerificationToken, VERIFY_FIRST_MESSAGE } from "@/server/account/email-verification";
import { hashPassword } from "@/server/auth/password";
import { ssoSessionUser } from "@/server/auth/sso/complete-sso-sign-in";
import { signInWithSso, type SsoSignInOptions } from "@/server/auth/sso/sign-in-with-sso";
import { expectHttp } from "../support/expect-http";
import { peopleOf } from "../support/people";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// The credentials provider reads the client's address from the request headers, as in a route.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "198.51.100.23" }),
}));

let t: TestDatabase;
const { people, person } = peopleOf(() => t.db);
const ATTACKER_PASSWORD = "attacker-chose-this-one";
const options: SsoSignInOptions = {
  teams: { domains: new Map(), groups: new Map() },
  requireVerifiedEmail: false,
  address: "203.0.113.9",
};

beforeAll(async () => {
  t = await createTestDatabase();
  await person("root", "ADMIN");
});

afterAll(async () => {
  const { getDb } = await import("@/server/db/client");
  await getDb().$disconnect();
  vi.unstubAllEnvs();
  await t.drop();
});

/** next-auth's options as the server builds them, on this file's database. */
async function authOptions(env: Record<string, string> = {}): Promise<NextAuthOptions> {
  vi.resetModules();
  vi.unstubAllEnvs();
  vi.stubEnv("NEXTAUTH_SECRET", "test-secret");
  vi.stubEnv("DATABASE_URL", t.url);
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  return (await import("@/server/auth/options")).getAuthOptions();
}

type Authorize = (credentials: Record<string, string>, request: unknown) => Awaitable<User | null>;

/** A sign-in through the credentials endpoint: the user it signs in, null, or the refusal's text. */
async function passwordSignIn(
  auth: NextAuthOptions,
  email: string,
  password: string,
): Promise<(User & { sessionVersion?: number }) | null | string> {
  const provider = auth.providers.find((p) => p.id === "credentials") as unknown as {
    options: { authorize: Authorize };
  };
  try {
    return await provider.options.authorize({ email, password }, {});
  } catch (error) {
    return (error as Error).message;
  }
}

/** The session a token stands for, as `GET /api/auth/session` answers it: with a user, or none. */
async function sessionOf(auth: NextAuthOptions, token: JWT): Promise<Session> {
  return auth.callbacks!.session!({
    session: { expires: "2099-01-01T00:00:00.000Z" },
    token,
  } as never) as Promise<Session>;
}

/**
 * The account a password sign-up makes (as server/auth/sign-up.ts does), with the confirmation
 * link's token when verification is on: here, made by someone who does not own the address.
 */
async function signUpAs(email: string, verify = false) {
  return t.db.user.create({
    data: {
      email,
      name: "Attacker",
      passwordHash: await hashPassword(ATTACKER_PASSWORD),
      ...(verify ? { emailTokens: { create: newVerificationToken().row } } : {}),
    },
    select: { id: true },
  });
}

function victim(email: string, sub: string): SsoIdentity {
  return { sub, email, emailVerified: true, name: "Real Owner", groups: [] };
}

describe("an SSO link to an account someone else made", () => {
  it("[SSO] an SSO link to an account nobody verified refuses the password its maker set, and voids its reset links", async () => {
    const email = "victim-one@corp.example";
    // Verification on: the attacker signs up with the victim's address and waits, unverified.
    let auth = await authOptions({ REQUIRE_EMAIL_VERIFICATION: "true" });
    const made = await signUpAs(email, true);
    expect(await passwordSignIn(auth, email, ATTACKER_PASSWORD)).toBe(VERIFY_FIRST_MESSAGE);
    // A reset link made for the account before the link (an admin's, handed to whoever asked).
    const { url } = await createResetLink(t.db, people.root, made.id, { address: null });
    const resetToken = new URL(url).searchParams.get("token")!;

    const linked = await signInWithSso(t.db, victim(email, "victim-one-sub"), options);
    expect(linked).toEqual({ ok: true, userId: made.id, outcome: "linked" });

    auth = await authOptions({ REQUIRE_EMAIL_VERIFICATION: "true" });
    const tried = await passwordSignIn(auth, email, ATTACKER_PASSWORD);
    console.log(`[SSO] after the link, the maker's password signs in as: ${JSON.stringify(tried)}`);
    expect(tried).toBeNull();
    const user = await t.db.user.findUniqueOrThrow({ where: { id: made.id } });
    expect(user.passwordHash).toBeNull();
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    await expectHttp(
      confirmPasswordReset(t.db, resetToken, "attacker-new-password", { address: null }),
      400,
    );
    expect(
      await t.db.emailToken.count({ where: { userId: made.id, usedAt: null } }),
      "no unused reset or verification link is left",
    ).toBe(0);

    const [entry] = await t.db.auditEntry.findMany({
      where: { action: "account.reclaim", targetId: made.id },
    });
    expect(entry).toMatchObject({ actorId: made.id, targetType: "user", address: "203.0.113.9" });
    expect(JSON.parse(entry.details)).toEqual({
      provider: "oidc",
      passwordCleared: true,
      sessionsEnded: true,
      ssoLinksRemoved: 0,
    });
    expect(entry.details).not.toContain(email);
  });

  it("[SSO] a session its maker held before the link no longer works; the person who linked is signed in", async () => {
    const email = "victim-two@corp.example";
    // Verification off (or the account predates it): the attacker signs in and holds a session.
    let auth = await authOptions();
    const made = await signUpAs(email);
    const signedIn = await passwordSignIn(auth, email, ATTACKER_PASSWORD);
    if (!signedIn || typeof signedIn === "string") throw new Error(`not signed in: ${signedIn}`);
    const attackerToken = (await auth.callbacks!.jwt!({
      token: {},
      user: signedIn,
      account: { provider: "credentials", type: "credentials", providerAccountId: made.id },
      trigger: "signIn",
    } as never)) as JWT;
    expect((await sessionOf(auth, attackerToken)).user).toMatchObject({ email });

    const linked = await signInWithSso(t.db, victim(email, "victim-two-sub"), options);
    expect(linked).toMatchObject({ ok: true, userId: made.id, outcome: "linked" });

    auth = await authOptions();
    const after = await sessionOf(auth, attackerToken);
    console.log(`[SSO] the maker's old session after the link: ${JSON.stringify(after)}`);
    expect(after).not.toHaveProperty("user");
    expect(await passwordSignIn(auth, email, ATTACKER_PASSWORD)).toBeNull();
    // The person who linked gets the account's new session version, and their session works.
    const owner = await ssoSessionUser(t.db, "victim-two-sub");
    expect(owner).toEqual({ id: made.id, sessionVersion: Number(attackerToken.sv) + 1 });
    const ownerToken = {
      uid: made.id,
      sv: owner?.sessionVersion,
      authTime: attackerToken.authTime,
    };
    expect((await sessionOf(auth, ownerToken)).user).toMatchObject({ id: made.id });
  });

  it("takes the link of another IdP subject that made the account with an unverified email", async () => {
    const email = "victim-three@corp.example";
    const squatter = { ...victim(email, "squatter-sub"), emailVerified: false };
    const made = await signInWithSso(t.db, squatter, options);
    if (!made.ok) throw new Error("expected an account");
    const before = await ssoSessionUser(t.db, "squatter-sub");
    await signInWithSso(t.db, victim(email, "victim-three-sub"), options);
    expect(await ssoSessionUser(t.db, "squatter-sub")).toBeNull();
    expect(await ssoSessionUser(t.db, "victim-three-sub")).toEqual({
      id: made.userId,
      sessionVersion: before!.sessionVersion + 1,
    });
    const entry = await t.db.auditEntry.findFirstOrThrow({
      where: { action: "account.reclaim", targetId: made.userId },
    });
    expect(JSON.parse(entry.details)).toMatchObject({ passwordCleared: false, ssoLinksRemoved: 1 });
  });

  it("[SSO] an account whose email was verified keeps its password and sessions when linked", async () => {
    const email = "verified-owner@corp.example";
    const auth = await authOptions();
    const made = await signUpAs(email);
    await t.db.user.update({ where: { id: made.id }, data: { emailVerifiedAt: new Date() } });
    const before = await t.db.user.findUniqueOrThrow({ where: { id: made.id } });
    await signInWithSso(t.db, victim(email, "verified-owner-sub"), options);
    const after = await t.db.user.findUniqueOrThrow({ where: { id: made.id } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion);
    expect(await passwordSignIn(auth, email, ATTACKER_PASSWORD)).toMatchObject({ id: made.id });
    expect(
      await t.db.auditEntry.count({ where: { action: "account.reclaim", targetId: made.id } }),
    ).toBe(0);
  });
});
