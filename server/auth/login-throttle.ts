import "server-only";
import type { Prisma } from "@/generated/sqlite/client";
import { lockDurationMs, MAX_FAILED_SIGN_INS, slowdownMs } from "@/lib/auth/throttle";
import { recordAudit } from "@/server/audit/record-audit";
import type { Db } from "@/server/db/client";
import { transaction } from "@/server/db/transaction";

/**
 * Sign-in throttling, counted in the database so that it holds across app instances and restarts:
 * - per account and address: ten tries, then a lock that doubles with each further failure;
 * - per address, across accounts: the same, against one address guessing many accounts;
 * - per account, from anywhere: a slowdown that never locks, so that a flood from other addresses
 *   cannot lock the owner out of their own account.
 */
export interface SignInKeys {
  accountAtAddress: string;
  address: string;
  account: string;
}

export function signInKeys(email: string, address: string): SignInKeys {
  const account = email.toLowerCase();
  return {
    accountAtAddress: `account-address:${account}|${address}`,
    address: `address:${address}`,
    account: `account:${account}`,
  };
}

/**
 * Claims one try for the account at this address. Returns null when the password may be checked,
 * or the time the lock runs out. The count goes up before the password is checked, and the try that
 * reaches the limit takes the lock before it is evaluated, so a burst of parallel tries gets at most
 * the allowed number evaluated, however it interleaves.
 */
export async function claimSignInTry(
  db: Db,
  keys: SignInKeys,
  now = new Date(),
): Promise<Date | null> {
  // The address first: a try it refuses never counts for the account at that address, so that the
  // account's count at an address never holds more than it added to the address's
  // (clearFailedSignIns takes exactly that back).
  for (const key of [keys.address, keys.accountAtAddress]) {
    const lockedUntil = await claimTry(db, keys, key, now);
    if (lockedUntil) return lockedUntil;
  }
  return null;
}

async function claimTry(db: Db, keys: SignInKeys, key: string, now: Date): Promise<Date | null> {
  const before = await db.loginThrottle.findUnique({ where: { key } });
  if (before?.lockedUntil && before.lockedUntil > now) return before.lockedUntil;
  const { failures } = await db.loginThrottle.upsert({
    where: { key },
    create: { key, failures: 1 },
    update: { failures: { increment: 1 } },
  });
  if (failures < MAX_FAILED_SIGN_INS) return null;
  // The last allowed try, or the first after a lock ran out: it goes ahead only if it takes the next
  // lock itself, which exactly one of any number of parallel tries can do. Before any lock, the one
  // that takes it may be a try past the limit (of a burst, any may get there first), yet the lock is
  // the first one's length: those tries are refused, never evaluated.
  const tier = before?.lockedUntil ? failures : MAX_FAILED_SIGN_INS;
  const lockedUntil = new Date(now.getTime() + lockDurationMs(tier));
  const taken = await transaction(db, async (tx) => {
    const { count } = await tx.loginThrottle.updateMany({
      where: { key, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
      data: { lockedUntil },
    });
    // Only the try that took the lock records it: one entry per lock, however many tries it refuses.
    if (count === 1) await recordLockout(tx, keys, key, lockedUntil);
    return count;
  });
  if (taken === 1) return null;
  const current = await db.loginThrottle.findUnique({ where: { key } });
  return current?.lockedUntil ?? lockedUntil;
}

/**
 * An "auth.lockout" entry, by the system. The target is the account the typed email belongs to, if
 * any; the email itself stays out of the trail, since anyone can type anyone's (or a password) there.
 */
async function recordLockout(
  tx: Prisma.TransactionClient,
  keys: SignInKeys,
  key: string,
  lockedUntil: Date,
): Promise<void> {
  const email = keys.account.slice("account:".length);
  const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
  await recordAudit(tx, {
    actorId: null,
    action: "auth.lockout",
    targetType: "user",
    targetId: user?.id ?? null,
    address: keys.address.slice("address:".length),
    details: {
      lockedUntil: lockedUntil.toISOString(),
      scope: key === keys.address ? "address" : "account-address",
    },
  });
}

/** The wait before checking a password for this account, after failures from anywhere. */
export async function accountSlowdownMs(db: Db, keys: SignInKeys): Promise<number> {
  const row = await db.loginThrottle.findUnique({ where: { key: keys.account } });
  return slowdownMs(row?.failures ?? 0);
}

/** A wrong password: counts towards the account's slowdown (its try was already counted). */
export async function recordFailedSignIn(db: Db, keys: SignInKeys, now = new Date()) {
  await db.loginThrottle.upsert({
    where: { key: keys.account },
    create: { key: keys.account, failures: 1 },
    update: { failures: { increment: 1 } },
  });
  if (now.getTime() - lastPruned >= PRUNE_EVERY_MS) {
    lastPruned = now.getTime();
    await pruneThrottles(db, now);
  }
}

/**
 * A successful sign-in clears the account's own counts (at this address and from anywhere), with any
 * lock its try took there, and takes the account's own tries from this address back out of the
 * address's count: the owner's mistypes are forgiven. The address's failures on other accounts stay
 * counted, so that someone guessing at many accounts cannot reset the address by signing in to one
 * of their own between guesses. The address's lock goes only when what is left is under the limit,
 * that is, when the account's own tries were what took it.
 */
export async function clearFailedSignIns(db: Db, keys: SignInKeys): Promise<void> {
  await transaction(db, async (tx) => {
    // A write first: SQLite then takes the write lock at once, where a read first would hold a
    // snapshot that a second instance's write in the meantime makes unwritable (SQLITE_BUSY_SNAPSHOT,
    // which under load outlasted the retries).
    await tx.loginThrottle.deleteMany({ where: { key: keys.account } });
    const own = await tx.loginThrottle.findUnique({ where: { key: keys.accountAtAddress } });
    if (!own) return;
    await tx.loginThrottle.delete({ where: { key: keys.accountAtAddress } });
    await tx.loginThrottle.updateMany({
      where: { key: keys.address },
      data: { failures: { decrement: own.failures } },
    });
    await tx.loginThrottle.updateMany({
      where: { key: keys.address, failures: { lt: 0 } },
      data: { failures: 0 },
    });
    await tx.loginThrottle.updateMany({
      where: { key: keys.address, failures: { lt: MAX_FAILED_SIGN_INS } },
      data: { lockedUntil: null },
    });
  });
}

/**
 * Forgets every count kept under an email: a deleted account's, whose keys would otherwise name it
 * until pruned. The address's own count names no one and stays.
 */
export async function forgetSignInCounts(
  db: Db | Prisma.TransactionClient,
  email: string,
): Promise<number> {
  const { account } = signInKeys(email, "");
  const atAddresses = `account-address:${email.toLowerCase()}|`;
  // startsWith is a LIKE on SQLite, where an email's "_" matches any character: the prefix is
  // checked again here, so that "a_b@x" never takes "axb@x"'s counts along.
  const rows = await db.loginThrottle.findMany({
    where: { OR: [{ key: account }, { key: { startsWith: atAddresses } }] },
    select: { key: true },
  });
  const keys = rows.map((r) => r.key).filter((k) => k === account || k.startsWith(atAddresses));
  const { count } = await db.loginThrottle.deleteMany({ where: { key: { in: keys } } });
  return count;
}

const KEEP_MS = 24 * 60 * 60_000;
const PRUNE_EVERY_MS = 10 * 60_000;
let lastPruned = 0;

/**
 * Drops counts untouched for a day whose lock has run out: a made-up email or address would otherwise
 * leave a row forever. Failed sign-ins run it, at most every ten minutes per process.
 */
export async function pruneThrottles(db: Db, now = new Date()): Promise<number> {
  const stale = new Date(now.getTime() - KEEP_MS);
  const { count } = await db.loginThrottle.deleteMany({
    where: {
      updatedAt: { lt: stale },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
    },
  });
  return count;
}
