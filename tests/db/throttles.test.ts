import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockDurationMs, MAX_FAILED_SIGN_INS } from "@/lib/auth/throttle";
import {
  accountSlowdownMs,
  claimSignInTry,
  clearFailedSignIns,
  pruneThrottles,
  recordFailedSignIn,
  signInKeys,
  type SignInKeys,
} from "@/server/auth/login-throttle";
import {
  enforceRateLimit,
  LIMITS,
  pruneRateLimits,
  RateLimited,
  type RateLimit,
} from "@/server/http/rate-limit";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});

afterAll(async () => {
  await t.drop();
});

describe("sign-in throttle", () => {
  it("[ATTACKER] lets at most ten of 40 parallel tries at one account and address through", async () => {
    const keys = signInKeys("burst@example.com", "192.0.2.1");
    const now = new Date();
    const claims = await Promise.all(
      Array.from({ length: 40 }, () => claimSignInTry(t.db, keys, now)),
    );
    expect(claims.filter((lock) => lock === null)).toHaveLength(MAX_FAILED_SIGN_INS);
    // The first lock's length, whichever of the burst took it: the refused tries were never evaluated.
    const locks = new Set(claims.filter((lock) => lock !== null).map((lock) => lock!.getTime()));
    expect([...locks]).toEqual([now.getTime() + lockDurationMs(MAX_FAILED_SIGN_INS)]);
  });

  it("allows one try after a lock runs out, and locks again for longer on a failure", async () => {
    const keys = signInKeys("after-lock@example.com", "192.0.2.2");
    const start = new Date("2026-11-01T10:00:00Z");
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++)
      expect(await claimSignInTry(t.db, keys, start)).toBeNull();
    const locked = await claimSignInTry(t.db, keys, start);
    expect(locked!.getTime() - start.getTime()).toBe(60_000);
    const later = new Date(locked!.getTime() + 1);
    const [first, second] = await Promise.all([
      claimSignInTry(t.db, keys, later),
      claimSignInTry(t.db, keys, later),
    ]);
    expect([first, second].filter((lock) => lock === null)).toHaveLength(1);
  });

  it("slows an account after failures from anywhere, and a success clears it all", async () => {
    const keys = signInKeys("Slow@Example.com", "192.0.2.3");
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await recordFailedSignIn(t.db, keys);
    expect(await accountSlowdownMs(t.db, signInKeys("slow@example.com", "198.51.100.9"))).toBe(250);
    await clearFailedSignIns(t.db, keys);
    expect(await accountSlowdownMs(t.db, keys)).toBe(0);
  });

  it("[ATTACKER] a sprayer's good sign-ins to an account of their own never reset the address's count", async () => {
    const address = "192.0.2.90";
    const now = new Date("2026-11-02T10:00:00Z");
    const own = signInKeys("sprayer@example.com", address);
    /** One sign-in as the server runs it: claimed, then a failure recorded or the counts cleared. */
    async function signIn(keys: SignInKeys, right: boolean): Promise<"locked" | "checked"> {
      if (await claimSignInTry(t.db, keys, now)) return "locked";
      if (right) await clearFailedSignIns(t.db, keys);
      else await recordFailedSignIn(t.db, keys, now);
      return "checked";
    }
    // The probe: 9 wrong passwords on 9 emails, a good sign-in to their own account, repeated.
    const spray: Array<"locked" | "checked"> = [];
    for (let round = 0; spray.length < 30; round++) {
      for (let i = 0; i < 9; i++)
        spray.push(await signIn(signInKeys(`victim-${round}-${i}@example.com`, address), false));
      await signIn(own, true);
    }
    const checked = spray.filter((s) => s === "checked").length;
    console.log(
      `spray tries checked: ${checked} of ${spray.length}; ` +
        `first locked: ${spray.includes("locked") ? `try ${spray.indexOf("locked") + 1}` : "none"}`,
    );
    expect(checked).toBe(MAX_FAILED_SIGN_INS);
    expect(spray[27]).toBe("locked");

    // The owner's own mistypes are theirs to clear: nine, a success, nine more, and in again.
    const owner = signInKeys("owner@example.com", "192.0.2.91");
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 9; i++) expect(await signIn(owner, false)).toBe("checked");
      expect(await signIn(owner, true)).toBe("checked");
    }
  });

  it("[ATTACKER] prunes the rows of made-up emails and addresses once they are a day old", async () => {
    const stale = new Date("2020-01-01T00:00:00Z");
    await t.db.loginThrottle.create({
      data: { key: "address:203.0.113.250", failures: 1, updatedAt: stale },
    });
    await t.db.loginThrottle.create({
      data: {
        key: "address:203.0.113.251",
        failures: 30,
        lockedUntil: new Date("2999-01-01"),
        updatedAt: stale,
      },
    });
    expect(await pruneThrottles(t.db, new Date())).toBeGreaterThanOrEqual(1);
    const left = await t.db.loginThrottle.findMany({
      where: { key: { startsWith: "address:203.0.113.25" } },
    });
    expect(left.map((row) => row.key)).toEqual(["address:203.0.113.251"]);
  });
});

describe("rate limits", () => {
  const limit: RateLimit = { action: "test actions", perUser: 3, perAddress: 5, windowMs: 60_000 };

  it("[ATTACKER] refuses the request past the limit per user with a 429 and when to retry", async () => {
    const now = new Date("2026-11-01T10:00:30Z");
    const who = { userId: "user-a", address: "192.0.2.50" };
    for (let i = 0; i < 3; i++) await enforceRateLimit(t.db, limit, who, now);
    const refused = await enforceRateLimit(t.db, limit, who, now).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimited);
    expect((refused as RateLimited).status).toBe(429);
    // Four hits against three: the window ends in 30 s, and its weight falls to 3/4 after 15 s more.
    expect((refused as RateLimited).retryAfterSeconds).toBe(45);
    expect((refused as RateLimited).message).toBe("Too many test actions, try again in 1 minute.");
  });

  it("[ATTACKER] a burst at the end of a window still counts at the start of the next", async () => {
    const who = { userId: "user-b", address: "192.0.2.51" };
    for (let i = 0; i < 3; i++)
      await enforceRateLimit(t.db, limit, who, new Date("2026-11-01T10:05:59Z"));
    // Fixed windows would start afresh at 10:06:00; the sliding count still holds the three.
    const refused = await enforceRateLimit(
      t.db,
      limit,
      who,
      new Date("2026-11-01T10:06:01Z"),
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimited);
    // The refused request counted too: 3 × (1 − 50/60) + 2 = 2.5 ≤ 3 at 10:06:50.
    await enforceRateLimit(t.db, limit, who, new Date("2026-11-01T10:06:50Z"));
    // A quiet window later the old burst no longer counts at all.
    for (let i = 0; i < 3; i++)
      await enforceRateLimit(t.db, limit, who, new Date("2026-11-01T10:08:00Z"));
  });

  it("counts an address across users, and parallel requests cannot slip past", async () => {
    const now = new Date("2026-11-01T11:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        enforceRateLimit(t.db, limit, { userId: `user-${i}`, address: "192.0.2.60" }, now).then(
          () => "ok",
          (e: unknown) => (e instanceof RateLimited ? "limited" : "error"),
        ),
      ),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(5);
    expect(results.filter((r) => r === "limited")).toHaveLength(7);
  });

  it("prunes the counters once the window after their own has ended", async () => {
    await t.db.rateLimit.deleteMany({ where: { key: { contains: "192.0.2.5" } } });
    // The 11:00 counters still count through 11:01, and go at 11:02.
    await pruneRateLimits(t.db, new Date("2026-11-01T11:01:30Z"));
    expect(await t.db.rateLimit.count()).toBe(5 + 1);
    await pruneRateLimits(t.db, new Date("2026-11-01T11:02:00Z"));
    expect(await t.db.rateLimit.count()).toBe(0);
  });
});

describe("emailed links", () => {
  it("[ATTACKER] a stranger flooding reset requests for someone's email never blocks the owner's own", async () => {
    const now = new Date("2026-11-03T10:00:00Z");
    const email = "owner-inbox@example.com";
    const ask = (address: string) =>
      enforceRateLimit(
        t.db,
        LIMITS.passwordResetRequest,
        { userId: `email:${email}`, address },
        now,
      ).then(
        () => "sent" as const,
        (error: unknown) => {
          if (error instanceof RateLimited) return "refused" as const;
          throw error;
        },
      );
    const flood: string[] = [];
    for (let i = 0; i < 30; i++) flood.push(await ask("203.0.113.5"));
    const owner = await ask("198.51.100.7");
    console.log(
      `stranger's requests sent: ${flood.filter((r) => r === "sent").length} of ${flood.length}; ` +
        `the owner's from their own address: ${owner}`,
    );
    expect(flood.filter((r) => r === "sent").length).toBeLessThanOrEqual(5);
    expect(owner).toBe("sent");

    // Across addresses the email still has a ceiling, so that nobody floods the inbox.
    const spread: string[] = [];
    for (let i = 0; i < 25; i++) spread.push(await ask(`100.64.1.${i + 1}`));
    const sent = flood.concat(owner, spread).filter((r) => r === "sent").length;
    console.log(`sent in all, from 27 addresses: ${sent}`);
    expect(sent).toBe(LIMITS.passwordResetRequest.perUser);
  });
});
