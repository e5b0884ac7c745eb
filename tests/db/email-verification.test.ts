import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  confirmEmail,
  newVerificationToken,
  resendVerification,
  sendVerificationEmail,
  signInRefusal,
  VERIFY_FIRST_MESSAGE,
} from "@/server/account/email-verification";
import { signUp } from "@/server/auth/sign-up";
import { linkIn, startMailbox, type Mailbox } from "../../e2e/support/mailbox";
import { expectHttp } from "../support/expect-http";
import { testMailConfig } from "../support/mail";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const SMTP_PORT = 3393;
const config = testMailConfig(SMTP_PORT);

let t: TestDatabase;
let mailbox: Mailbox;

beforeAll(async () => {
  t = await createTestDatabase();
  mailbox = await startMailbox(SMTP_PORT);
});

afterAll(async () => {
  await mailbox.stop();
  await t.drop();
});

const tokenIn = async (email: string) =>
  new URL(linkIn(await mailbox.waitFor(email), "/verify-email")).searchParams.get("token")!;

describe("email verification", () => {
  it("holds back a new account until its link is confirmed, once", async () => {
    const { token, row } = newVerificationToken();
    const user = await signUp(
      t.db,
      { email: "new@example.com", name: "New", password: "a-long-password" },
      "192.0.2.9",
      row,
    );
    await sendVerificationEmail(user, token, config);
    const emailed = await tokenIn(user.email);
    expect(emailed).toBe(token);
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await signInRefusal(t.db, stored, true)).toBe(VERIFY_FIRST_MESSAGE);
    // With the setting off, nobody is held back.
    expect(await signInRefusal(t.db, stored, false)).toBeNull();

    await confirmEmail(t.db, emailed, { address: "192.0.2.10" });
    const confirmed = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(confirmed.emailVerifiedAt).not.toBeNull();
    expect(await signInRefusal(t.db, confirmed, true)).toBeNull();
    expect((await expectHttp(confirmEmail(t.db, emailed, { address: null }), 400)).code).toBe(
      "invalid_token",
    );
    const audit = await t.db.auditEntry.findMany({
      where: { action: { in: ["account.create", "email.verify"] } },
      orderBy: { at: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorId, a.targetId, a.address])).toEqual([
      ["account.create", user.id, user.id, "192.0.2.9"],
      ["email.verify", user.id, user.id, "192.0.2.10"],
    ]);
    expect(JSON.parse(audit[0].details)).toEqual({ via: "password", verifyEmail: true });
  });

  it("lets an account from before the setting sign in, and sends it no link", async () => {
    const old = await signUp(
      t.db,
      { email: "old@example.com", name: "Old", password: "a-long-password" },
      null,
    );
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: old.id } });
    expect(await signInRefusal(t.db, stored, true)).toBeNull();
    expect(await resendVerification(t.db, old.email, { config })).toBe(false);
  });

  it("resends a new link that ends the old one; a link is refused after 24 hours", async () => {
    const { token, row } = newVerificationToken();
    const user = await signUp(
      t.db,
      { email: "again@example.com", name: "Again", password: "a-long-password" },
      null,
      row,
    );
    expect(await resendVerification(t.db, user.email, { config })).toBe(true);
    const fresh = await tokenIn(user.email);
    await expectHttp(confirmEmail(t.db, token, { address: null }), 400);
    const expired = new Date(Date.now() + 25 * 3600_000);
    await expectHttp(confirmEmail(t.db, fresh, { address: null, now: expired }), 400);
    await confirmEmail(t.db, fresh, { address: null });
    expect(await resendVerification(t.db, "nobody@example.com", { config })).toBe(false);
  });
});
