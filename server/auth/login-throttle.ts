import "server-only";
import { lockDurationMs, MAX_FAILED_SIGN_INS } from "@/lib/auth/throttle";
import type { Db } from "@/server/db/client";

/**
 * Failed sign-ins are counted in the database per account and per client address, so that the limit
 * holds across app instances and restarts.
 */
export function throttleKeys(email: string, address: string): string[] {
  return [`email:${email.toLowerCase()}`, `ip:${address}`];
}

/** The latest lock among the keys that is still running, if any. */
export async function activeLock(db: Db, keys: string[], now = new Date()): Promise<Date | null> {
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: keys }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  const until = rows.map((r) => r.lockedUntil!.getTime());
  return until.length ? new Date(Math.max(...until)) : null;
}

export async function recordFailedSignIn(db: Db, keys: string[], now = new Date()): Promise<void> {
  for (const key of keys) {
    const row = await db.loginThrottle.upsert({
      where: { key },
      create: { key, failures: 1 },
      update: { failures: { increment: 1 } },
    });
    if (row.failures >= MAX_FAILED_SIGN_INS) {
      await db.loginThrottle.update({
        where: { key },
        data: { lockedUntil: new Date(now.getTime() + lockDurationMs(row.failures)) },
      });
    }
  }
}

/** A successful sign-in clears the account's and the address's counts. */
export async function clearFailedSignIns(db: Db, keys: string[]): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: { in: keys } } });
}
