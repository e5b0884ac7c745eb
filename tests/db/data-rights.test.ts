import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteAccount } from "@/server/account/delete-account";
import { claimSignInTry, recordFailedSignIn, signInKeys } from "@/server/auth/login-throttle";
import { enforceRateLimit, LIMITS } from "@/server/http/rate-limit";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});

afterAll(async () => {
  await t.drop();
});

/** Sign-in failures and emailed-link requests for `email` from two addresses, as the routes count them. */
async function countRequestsFor(email: string, now: Date) {
  for (const address of ["192.0.2.61", "198.51.100.62"]) {
    const keys = signInKeys(email, address);
    await claimSignInTry(t.db, keys, now);
    await recordFailedSignIn(t.db, keys, now);
    for (const limit of [LIMITS.passwordResetRequest, LIMITS.verificationResend])
      await enforceRateLimit(t.db, limit, { userId: `email:${email}`, address }, now);
  }
}

/** The throttle and rate-limit rows whose keys name `email`. */
async function keysNaming(email: string): Promise<string[]> {
  const [throttles, limits] = await Promise.all([
    t.db.loginThrottle.findMany({ select: { key: true } }),
    t.db.rateLimit.findMany({ select: { key: true } }),
  ]);
  return [...throttles, ...limits].map((row) => row.key).filter((key) => key.includes(email));
}

describe("personal data after deletion", () => {
  it("[RIGHTS] deleting an account purges its email from the sign-in throttle and rate-limit keys", async () => {
    const now = new Date();
    // An underscore is a LIKE wildcard: the purge must not take "patx1" along with "pat_1".
    const user = await t.db.user.create({
      data: { email: "pat_1@example.com", name: "Pat", passwordHash: "x" },
    });
    await countRequestsFor("pat_1@example.com", now);
    await countRequestsFor("patx1@example.com", now);
    const before = await keysNaming("pat_1@example.com");
    const bystanderBefore = await keysNaming("patx1@example.com");
    console.log(
      `keys naming the email before deletion: ${before.length}; ` +
        `a bystander's: ${bystanderBefore.length}`,
    );
    expect(before.length).toBeGreaterThanOrEqual(5);

    await deleteAccount(t.db, { userId: user.id, actorId: user.id, by: "self", address: null });

    const after = await keysNaming("pat_1@example.com");
    const bystanderAfter = await keysNaming("patx1@example.com");
    console.log(
      `keys naming the email after deletion: ${after.length}; ` +
        `a bystander's: ${bystanderAfter.length}`,
    );
    expect(after).toEqual([]);
    expect(bystanderAfter.sort()).toEqual(bystanderBefore.sort());
  });
});
