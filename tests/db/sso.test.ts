import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SSO_REFUSALS } from "@/lib/auth/sign-in-errors";
import type { SsoIdentity } from "@/lib/validation/sso";
import { completeSsoSignIn, ssoSessionUser } from "@/server/auth/sso/complete-sso-sign-in";
import { signInWithSso, type SsoSignInOptions } from "@/server/auth/sso/sign-in-with-sso";
import { createTeam } from "@/server/teams/create-team";
import { peopleOf } from "../support/people";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const { people, person } = peopleOf(() => t.db);
let options: SsoSignInOptions;
let groupTeamId: string;
let domainTeamId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await person("teacher", "INSTRUCTOR");
  await person("ada");
  await person("bob");
  groupTeamId = (await createTeam(t.db, people.teacher, "Ops")).id;
  domainTeamId = (await createTeam(t.db, people.teacher, "Acme")).id;
  options = {
    teams: {
      domains: new Map([["acme.test", domainTeamId]]),
      groups: new Map([
        ["ops", groupTeamId],
        ["ghost", "no-such-team"],
      ]),
    },
    requireVerifiedEmail: false,
    address: "203.0.113.7",
  };
});

afterAll(async () => {
  await t.drop();
});

function identity(over: Partial<SsoIdentity> & { sub: string }): SsoIdentity {
  return {
    email: `${over.sub}@sso.test`,
    emailVerified: true,
    name: over.sub,
    groups: [],
    ...over,
  };
}

async function auditOf(action: string, targetId: string) {
  return t.db.auditEntry.findMany({ where: { action, targetId } });
}

describe("single sign-on accounts", () => {
  it("creates an account at the first sign-in, and finds it by subject after", async () => {
    const first = await signInWithSso(
      t.db,
      identity({ sub: "new-1", email: "new1@sso.test" }),
      options,
    );
    expect(first).toMatchObject({ ok: true, outcome: "created" });
    if (!first.ok) return;
    const user = await t.db.user.findUniqueOrThrow({ where: { id: first.userId } });
    expect(user).toMatchObject({ email: "new1@sso.test", name: "new-1", passwordHash: null });
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    const [created] = await auditOf("account.create", user.id);
    expect(created).toMatchObject({ actorId: user.id, targetType: "user", address: "203.0.113.7" });
    expect(created.details).not.toContain("new1@sso.test");

    // The IdP changed the address: the subject still finds the same account, and no other is made.
    const again = await signInWithSso(
      t.db,
      identity({ sub: "new-1", email: "renamed@sso.test" }),
      options,
    );
    expect(again).toEqual({ ok: true, userId: user.id, outcome: "existing" });
    expect(await ssoSessionUser(t.db, "new-1")).toEqual({ id: user.id, sessionVersion: 0 });
    expect(await t.db.user.count({ where: { email: "renamed@sso.test" } })).toBe(0);
  });

  it("links to an existing account by a verified email, with an audit entry", async () => {
    // Her address was confirmed before (tests/db/sso-takeover.test.ts: one nobody confirmed loses
    // its password and sessions at the link).
    await t.db.user.update({ where: { id: people.ada.id }, data: { emailVerifiedAt: new Date() } });
    const result = await signInWithSso(
      t.db,
      identity({ sub: "ada-sub", email: "ada@example.com" }),
      options,
    );
    expect(result).toEqual({ ok: true, userId: people.ada.id, outcome: "linked" });
    expect(
      await t.db.ssoAccount.findMany({
        where: { userId: people.ada.id },
        select: { subject: true },
      }),
    ).toEqual([{ subject: "ada-sub" }]);
    const [link] = await auditOf("sso.link", people.ada.id);
    expect(link).toMatchObject({
      actorId: people.ada.id,
      targetType: "user",
      address: "203.0.113.7",
    });
    // Her password stays: linking adds a way in, it takes none away.
    expect((await t.db.user.findUniqueOrThrow({ where: { id: people.ada.id } })).passwordHash).toBe(
      "x",
    );
  });

  it("never links by an unverified email: the sign-in is refused and the account untouched", async () => {
    const attacker = identity({
      sub: "mallory",
      email: "BOB@example.com".toLowerCase(),
      emailVerified: false,
    });
    expect(await signInWithSso(t.db, attacker, options)).toEqual({
      ok: false,
      refusal: SSO_REFUSALS.unverifiedEmail,
    });
    expect(await completeSsoSignIn(t.db, attacker, options)).toBe(
      `/signin?error=${SSO_REFUSALS.unverifiedEmail}`,
    );
    expect(await t.db.ssoAccount.count({ where: { userId: people.bob.id } })).toBe(0);
    expect(await ssoSessionUser(t.db, "mallory")).toBeNull();
    expect(await auditOf("sso.link", people.bob.id)).toEqual([]);
  });

  it("makes an unverified account for a new email, never verified, unless verification is required", async () => {
    const loose = await signInWithSso(
      t.db,
      identity({ sub: "unv", email: "unv@sso.test", emailVerified: false }),
      options,
    );
    expect(loose).toMatchObject({ ok: true, outcome: "created" });
    if (loose.ok)
      expect(
        (await t.db.user.findUniqueOrThrow({ where: { id: loose.userId } })).emailVerifiedAt,
      ).toBeNull();

    expect(
      await signInWithSso(
        t.db,
        identity({ sub: "strict", email: "strict@sso.test", emailVerified: false }),
        { ...options, requireVerifiedEmail: true },
      ),
    ).toEqual({ ok: false, refusal: SSO_REFUSALS.verificationRequired });
    expect(await t.db.user.count({ where: { email: "strict@sso.test" } })).toBe(0);
  });

  it("refuses an identity without an email, and a deleted account's", async () => {
    expect(await signInWithSso(t.db, identity({ sub: "anon", email: undefined }), options)).toEqual(
      {
        ok: false,
        refusal: SSO_REFUSALS.noEmail,
      },
    );
    const made = await signInWithSso(t.db, identity({ sub: "gone" }), options);
    if (!made.ok) throw new Error("expected an account");
    await t.db.user.update({ where: { id: made.userId }, data: { deletedAt: new Date() } });
    expect(await signInWithSso(t.db, identity({ sub: "gone" }), options)).toEqual({
      ok: false,
      refusal: SSO_REFUSALS.deleted,
    });
    expect(await ssoSessionUser(t.db, "gone")).toBeNull();
  });

  it("places by domain and group as a member, once, skipping unknown teams", async () => {
    const who = identity({
      sub: "placed",
      email: "carol@acme.test",
      groups: ["ops", "ghost", "ops"],
    });
    const result = await signInWithSso(t.db, who, options);
    if (!result.ok) throw new Error("expected an account");
    const memberships = await t.db.teamMembership.findMany({
      where: { userId: result.userId },
      select: { teamId: true, role: true },
      orderBy: { teamId: "asc" },
    });
    expect(memberships).toEqual(
      [
        { teamId: domainTeamId, role: "MEMBER" },
        { teamId: groupTeamId, role: "MEMBER" },
      ].sort((a, b) => a.teamId.localeCompare(b.teamId)),
    );
    const adds = await t.db.auditEntry.findMany({
      where: { action: "team.member.add", actorId: result.userId },
    });
    expect(adds).toHaveLength(2);
    expect(JSON.parse(adds[0].details)).toMatchObject({ via: "sso", userId: result.userId });
    // Later sign-ins place nobody again: placement is at first sign-in and at link.
    await signInWithSso(t.db, who, options);
    expect(
      await t.db.auditEntry.count({ where: { action: "team.member.add", actorId: result.userId } }),
    ).toBe(2);
  });

  it("places a linked account too, keeping an instructor an instructor", async () => {
    const result = await signInWithSso(
      t.db,
      identity({ sub: "teacher-sub", email: "teacher@example.com", groups: ["ops"] }),
      options,
    );
    expect(result).toEqual({ ok: true, userId: people.teacher.id, outcome: "linked" });
    const membership = await t.db.teamMembership.findUniqueOrThrow({
      where: { teamId_userId: { teamId: groupTeamId, userId: people.teacher.id } },
    });
    expect(membership.role).toBe("INSTRUCTOR");
  });

  it("two first sign-ins at once make one account", async () => {
    const who = identity({ sub: "racer", email: "racer@sso.test" });
    const [a, b] = await Promise.all([
      signInWithSso(t.db, who, options),
      signInWithSso(t.db, who, options),
    ]);
    expect(a.ok && b.ok && a.userId === b.userId).toBe(true);
    expect(await t.db.user.count({ where: { email: "racer@sso.test" } })).toBe(1);
  });
});
