import "server-only";
import type { Db } from "@/server/db/client";
import { HttpError } from "./errors";

/** How many requests of one kind a user, or an address, may make in a window. */
export interface RateLimit {
  /** Names the action in the counter's key and in the message. */
  action: string;
  perUser: number;
  perAddress: number;
  windowMs: number;
}

const MINUTE = 60_000;

/**
 * The limits on the write paths a script could hammer. Per user they are tight; per address they
 * are generous, because a whole classroom or office can share one public address.
 */
export const LIMITS = {
  signUp: { action: "sign-ups", perUser: 0, perAddress: 100, windowMs: 60 * MINUTE },
  quizStart: { action: "quiz starts", perUser: 30, perAddress: 600, windowMs: 10 * MINUTE },
  passwordChange: {
    action: "password changes",
    perUser: 5,
    perAddress: 50,
    windowMs: 15 * MINUTE,
  },
  teamJoin: { action: "invite codes", perUser: 10, perAddress: 100, windowMs: 10 * MINUTE },
} satisfies Record<string, RateLimit>;

/** A 429 that says when to try again; route handlers send it as Retry-After. */
export class RateLimited extends HttpError {
  constructor(
    readonly retryAfterSeconds: number,
    action: string,
  ) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      429,
      "too_many_requests",
      `Too many ${action}, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    );
  }
}

/**
 * Counts one request against the limit for the user (when signed in) and for the address, in fixed
 * windows kept in the database so that every instance shares them, and refuses it with a 429 when
 * either count is over. Counting first, atomically, means parallel requests cannot all slip in.
 */
export async function enforceRateLimit(
  db: Db,
  limit: RateLimit,
  who: { userId?: string; address: string },
  now = new Date(),
): Promise<void> {
  const window = Math.floor(now.getTime() / limit.windowMs);
  const resetAt = new Date((window + 1) * limit.windowMs);
  const subjects: Array<[string, number]> = [[`address:${who.address}`, limit.perAddress]];
  if (who.userId && limit.perUser > 0) subjects.push([`user:${who.userId}`, limit.perUser]);
  for (const [subject, max] of subjects) {
    const key = `${limit.action}|${subject}|${window}`;
    const { hits } = await db.rateLimit.upsert({
      where: { key },
      create: { key, hits: 1, resetAt },
      update: { hits: { increment: 1 } },
    });
    if (hits > max)
      throw new RateLimited(Math.ceil((resetAt.getTime() - now.getTime()) / 1000), limit.action);
  }
  if (now.getTime() - lastPruned >= PRUNE_EVERY_MS) {
    lastPruned = now.getTime();
    await pruneRateLimits(db, now);
  }
}

const PRUNE_EVERY_MS = 10 * MINUTE;
let lastPruned = 0;

/** Drops the counters of windows that have ended; counted requests run it every ten minutes. */
export async function pruneRateLimits(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { resetAt: { lte: now } } });
  return count;
}
