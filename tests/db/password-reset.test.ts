import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  confirmPasswordReset,
  createResetLink,
  requestPasswordReset,
} from "@/server/account/password-reset";
import { changePassword } from "@/server/account/change-password";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { hashToken } from "@/server/auth/one-time-token";
import { linkIn, startMailbox, type Mailbox } from "../../e2e/support/mailbox";
import { expectHttp } from "../support/expect-http";
import { peopleOf } from "../support/people";
import { testMailConfig } from "../support/mail";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const SMTP_PORT = 3391;
const config = testMailConfig(SMTP_PORT);

let t: TestDatabase;
let mailbox: Mailbox;
const { person } = peopleOf(() => t.db);

beforeAll(async () => {
  t = await createTestDatabase();
  mailbox = await startMailbox(SMTP_PORT);
});

afterAll(async () => {
  await mailbox.stop();
  await t.drop();
});

/** Asks for a reset at `now` and returns the token from the link that arrived by SMTP. */
async function resetTokenFor(email: string, now = new Date()): Promise<string> {
  expect(await requestPasswordReset(t.db, email, { address: "192.0.2.7", now, config })).toBe(true);
  const link = new URL(linkIn(await mailbox.waitFor(email), "/reset-password"));
  expect(link.origin).toBe(config.baseUrl);
  return link.searchParams.get("token")!;
}

describe("password reset", () => {
  it("mails a link whose token the database holds only as a SHA-256", async () => {
    const ada = await person("ada");
    const token = await resetTokenFor(ada.email);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await t.db.emailToken.findMany({ where: { userId: ada.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0].expiresAt.getTime() - rows[0].createdAt.getTime()).toBe(30 * 60_000);
    const audit = await t.db.auditEntry.findMany({ where: { targetId: ada.id } });
    expect(audit.map((a) => [a.action, a.actorId, a.address])).toEqual([
      ["password.reset.request", null, "192.0.2.7"],
    ]);
    expect(audit[0].details).not.toContain(ada.email);
  });

  it("sends nothing and records nothing for an email with no account", async () => {
    const before = mailbox.received.length;
    expect(await requestPasswordReset(t.db, "nobody@example.com", { address: null, config })).toBe(
      false,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(mailbox.received).toHaveLength(before);
    expect(await t.db.emailToken.count({ where: { user: { email: "nobody@example.com" } } })).toBe(
      0,
    );
  });

  it("[SSO] sends no link to an SSO account whose email its identity provider did not verify", async () => {
    const unverified = await t.db.user.create({
      data: { email: "sso-unverified@example.com", name: "Sso", passwordHash: null },
    });
    const before = mailbox.received.length;
    const ask = () => requestPasswordReset(t.db, unverified.email, { address: null, config });
    expect(await ask()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(mailbox.received).toHaveLength(before);
    expect(await t.db.emailToken.count({ where: { userId: unverified.id } })).toBe(0);
    // Once the address is verified, the account's owner may set a password through it.
    await t.db.user.update({
      where: { id: unverified.id },
      data: { emailVerifiedAt: new Date() },
    });
    expect(await resetTokenFor(unverified.email)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("sets the password, ends every session, and works once", async () => {
    const bo = await person("bo");
    const token = await resetTokenFor(bo.email);
    const done = await confirmPasswordReset(t.db, token, "a-new-password-1", {
      address: "192.0.2.8",
    });
    expect(done).toEqual({ reset: true, signedOut: true });
    const user = await t.db.user.findUniqueOrThrow({ where: { id: bo.id } });
    expect(await verifyPassword(user.passwordHash!, "a-new-password-1")).toBe(true);
    expect(user.sessionVersion).toBe(1);
    const again = await expectHttp(
      confirmPasswordReset(t.db, token, "another-password-2", { address: null }),
      400,
    );
    expect(again.code).toBe("invalid_token");
    const audit = await t.db.auditEntry.findFirstOrThrow({
      where: { targetId: bo.id, action: "password.reset" },
    });
    expect([audit.actorId, audit.address]).toEqual([bo.id, "192.0.2.8"]);
  });

  it("of two concurrent uses of one token, exactly one wins", async () => {
    const cy = await person("cy");
    const token = await resetTokenFor(cy.email);
    const results = await Promise.allSettled([
      confirmPasswordReset(t.db, token, "first-password-1", { address: null }),
      confirmPasswordReset(t.db, token, "second-password-2", { address: null }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: cy.id } });
    expect(user.sessionVersion).toBe(1);
    expect(
      await t.db.auditEntry.count({ where: { targetId: cy.id, action: "password.reset" } }),
    ).toBe(1);
  });

  it("refuses a token 30 minutes after it was made, and takes it a moment before", async () => {
    const di = await person("di");
    const issued = new Date("2026-11-02T09:00:00Z");
    const late = await resetTokenFor(di.email, issued);
    const at30 = new Date(issued.getTime() + 30 * 60_000);
    await expectHttp(
      confirmPasswordReset(t.db, late, "late-password-1", { address: null, now: at30 }),
      400,
    );
    const onTime = await resetTokenFor(di.email, issued);
    const justBefore = new Date(at30.getTime() - 1000);
    await confirmPasswordReset(t.db, onTime, "on-time-password", {
      address: null,
      now: justBefore,
    });
  });

  it("ends the user's other reset links once one is used", async () => {
    const ed = await person("ed");
    const first = await resetTokenFor(ed.email);
    const second = await resetTokenFor(ed.email);
    await confirmPasswordReset(t.db, second, "second-password-2", { address: null });
    await expectHttp(confirmPasswordReset(t.db, first, "first-password-1", { address: null }), 400);
  });

  it("refuses an unknown or malformed token", async () => {
    for (const token of ["x", "A".repeat(43), "../../etc/passwd"])
      await expectHttp(
        confirmPasswordReset(t.db, token, "whatever-password", { address: null }),
        400,
      );
  });

  it("an admin's link works once, for 30 minutes, ends earlier links, and is audited", async () => {
    const admin = await person("root", "ADMIN");
    const flo = await person("flo");
    const emailed = await resetTokenFor(flo.email);
    const link = await createResetLink(t.db, admin, flo.id, { address: "192.0.2.9", config });
    expect(link.url).toMatch(/^https:\/\/academy\.example\.org\/reset-password\?token=/);
    const lifetime = new Date(link.expiresAt).getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(29 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(30 * 60_000);
    await expectHttp(
      confirmPasswordReset(t.db, emailed, "emailed-password", { address: null }),
      400,
    );
    const token = new URL(link.url).searchParams.get("token")!;
    await confirmPasswordReset(t.db, token, "admin-link-password", { address: null });
    const audit = await t.db.auditEntry.findFirstOrThrow({
      where: { targetId: flo.id, action: "password.reset_link.create" },
    });
    expect([audit.actorId, audit.targetType, audit.address]).toEqual([
      admin.id,
      "user",
      "192.0.2.9",
    ]);
    expect(audit.details).not.toContain(token);
    await expectHttp(
      createResetLink(t.db, admin, "c000000000000000000000000", { address: null, config }),
      404,
    );
  });

  it("[RESET] a reset link made before a password change no longer works after it", async () => {
    const admin = await person("admin2", "ADMIN");
    const gus = await person("gus");
    await t.db.user.update({
      where: { id: gus.id },
      data: { passwordHash: await hashPassword("gus-first-password") },
    });
    const link = await createResetLink(t.db, admin, gus.id, { address: null, config });
    const emailed = await resetTokenFor(gus.email);
    await changePassword(t.db, gus.id, "gus-first-password", "gus-chosen-password");
    for (const token of [new URL(link.url).searchParams.get("token")!, emailed]) {
      const refused = await confirmPasswordReset(t.db, token, "someone-elses-password", {
        address: null,
      }).then(
        () => "reset",
        (error: unknown) => (error as { code?: string }).code,
      );
      console.log(`[RESET] an older reset link after the password change: ${refused}`);
      expect(refused).toBe("invalid_token");
    }
    const { passwordHash } = await t.db.user.findUniqueOrThrow({ where: { id: gus.id } });
    expect(await verifyPassword(passwordHash!, "gus-chosen-password")).toBe(true);
  });
});
