import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SSO_REFUSALS } from "@/lib/auth/sign-in-errors";
import type { SsoIdentity } from "@/lib/validation/sso";
import {
  listBlockedIdentities,
  ssoLinkedUserIds,
  unblockIdentity,
} from "@/server/admin/blocked-identities";
import { deleteUser } from "@/server/admin/delete-user";
import { signInWithSso, type SsoSignInOptions } from "@/server/auth/sso/sign-in-with-sso";
import { expectHttp } from "../support/expect-http";
import { peopleOf } from "../support/people";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const { people, person } = peopleOf(() => t.db);
const ADDRESS = "198.51.100.40";
const options: SsoSignInOptions = {
  teams: { domains: new Map(), groups: new Map() },
  requireVerifiedEmail: false,
  address: ADDRESS,
};

beforeAll(async () => {
  t = await createTestDatabase();
  await person("root", "ADMIN");
  await person("teacher", "INSTRUCTOR");
  await person("ada");
});

afterAll(async () => {
  await t.drop();
});

function identity(sub: string): SsoIdentity {
  return { sub, email: `${sub}@idp.test`, emailVerified: true, name: sub, groups: [] };
}

/** An account made by its first IdP sign-in, as the person's IdP vouches for them. */
async function ssoAccount(sub: string): Promise<string> {
  const first = await signInWithSso(t.db, identity(sub), options);
  if (!first.ok) throw new Error(`sign-in refused: ${first.refusal}`);
  return first.userId;
}

describe("blocking a deleted account's single sign-on identity", () => {
  it("[SSO] a blocked identity's next sign-in is refused and recorded, and makes an account once the block is lifted", async () => {
    const userId = await ssoAccount("leaver-1");
    expect((await ssoLinkedUserIds(t.db, people.root)).has(userId)).toBe(true);
    await deleteUser(t.db, people.root, userId, ADDRESS, { blockSso: true });

    const [block] = await listBlockedIdentities(t.db, people.root);
    expect(block).toMatchObject({ provider: "oidc", subject: "leaver-1" });
    expect(block.createdById).toBe(people.root.id);
    // Nothing identifying the person but the IdP's subject: no email, no name.
    const stored = JSON.stringify(await t.db.blockedIdentity.findMany());
    expect(stored).not.toContain("leaver-1@idp.test");
    const blocked = await t.db.auditEntry.findMany({ where: { action: "identity.block" } });
    expect(blocked).toHaveLength(1);
    expect(blocked[0]).toMatchObject({
      actorId: people.root.id,
      targetType: "identity",
      targetId: block.id,
      address: ADDRESS,
    });
    expect(JSON.parse(blocked[0].details)).toEqual({ provider: "oidc", userId });
    const deleted = await t.db.auditEntry.findFirstOrThrow({
      where: { action: "account.delete", targetId: userId },
    });
    expect(JSON.parse(deleted.details)).toEqual({ by: "admin", identitiesBlocked: 1 });

    // The next sign-in at the IdP makes no new account: it is refused and recorded.
    const users = await t.db.user.count();
    const again = await signInWithSso(t.db, identity("leaver-1"), options);
    expect(again).toEqual({ ok: false, refusal: SSO_REFUSALS.blocked });
    expect(await t.db.user.count()).toBe(users);
    expect(await t.db.ssoAccount.count({ where: { subject: "leaver-1" } })).toBe(0);
    const refused = await t.db.auditEntry.findMany({
      where: { action: "auth.signin.fail", targetId: block.id },
    });
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ actorId: null, targetType: "identity", address: ADDRESS });
    expect(JSON.parse(refused[0].details)).toEqual({ via: "sso", reason: "identity_blocked" });
    expect(refused[0].details).not.toContain("leaver-1@idp.test");

    // Lifted: the block and its refusal go, and the next sign-in makes a new, empty account.
    await unblockIdentity(t.db, people.root, block.id, ADDRESS);
    expect(await listBlockedIdentities(t.db, people.root)).toEqual([]);
    const lifted = await t.db.auditEntry.findFirstOrThrow({
      where: { action: "identity.unblock" },
    });
    expect(lifted).toMatchObject({
      actorId: people.root.id,
      targetType: "identity",
      targetId: block.id,
    });
    const back = await signInWithSso(t.db, identity("leaver-1"), options);
    expect(back).toMatchObject({ ok: true, outcome: "created" });
    if (back.ok) expect(back.userId).not.toBe(userId);
    await expectHttp(unblockIdentity(t.db, people.root, block.id, ADDRESS), 404);
  });

  it("[SSO] deleting blocks no identity with the box unticked, nor for an account with no IdP link", async () => {
    const userId = await ssoAccount("leaver-2");
    await deleteUser(t.db, people.root, userId, ADDRESS);
    const kept = await person("kept");
    await deleteUser(t.db, people.root, kept.id, ADDRESS, { blockSso: true });
    expect(await t.db.blockedIdentity.count()).toBe(0);
    // Unblocked, the person's next IdP sign-in makes a new account, as the README warns.
    expect(await signInWithSso(t.db, identity("leaver-2"), options)).toMatchObject({
      ok: true,
      outcome: "created",
    });
  });

  it("[ACCESS] only admins see and lift blocks on sign-in identities", async () => {
    const userId = await ssoAccount("leaver-3");
    await deleteUser(t.db, people.root, userId, ADDRESS, { blockSso: true });
    const [block] = await listBlockedIdentities(t.db, people.root);
    for (const who of [people.ada, people.teacher]) {
      await expectHttp(listBlockedIdentities(t.db, who), 403);
      await expectHttp(ssoLinkedUserIds(t.db, who), 403);
      await expectHttp(unblockIdentity(t.db, who, block.id, ADDRESS), 403);
    }
    expect(await t.db.blockedIdentity.count()).toBe(1);
    expect(await t.db.auditEntry.count({ where: { action: "identity.unblock" } })).toBe(1);
  });
});
