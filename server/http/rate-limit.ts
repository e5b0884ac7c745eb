import "server-only";
import type { Prisma } from "@/generated/sqlite/client";
import type { Db } from "@/server/db/client";
import { HttpError } from "./errors";

/** How many requests of one kind a user, or an address, may make in a window. */
export interface RateLimit {
  /** Names the action in the counter's key and in the message. */
  action: string;
  perUser: number;
  perAddress: number;
  /**
   * Per user and address together, checked before `perUser`: a request refused here never counts
   * against the user's own limit, so that a stranger from one address cannot use it up.
   */
  perUserAtAddress?: number;
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
  assignmentCreate: {
    action: "assignments set",
    perUser: 60,
    perAddress: 600,
    windowMs: 10 * MINUTE,
  },
  teamJoin: { action: "invite codes", perUser: 10, perAddress: 100, windowMs: 10 * MINUTE },
  // Opening an invite link names its team: enough for a classroom behind one address to open it
  // twice over, far too few to find a team by trying codes.
  invitePreview: { action: "invite links", perUser: 30, perAddress: 300, windowMs: 10 * MINUTE },
  // Each sends an email. "Per user" counts per email address asked for (the caller is signed out).
  // Five per email from one address; past that, the requests from that address are refused without
  // counting against the email, so a stranger flooding from elsewhere cannot block the owner's own
  // request. Twenty per email from all addresses together, so that nobody floods one inbox.
  passwordResetRequest: {
    action: "password reset requests",
    perUser: 20,
    perUserAtAddress: 5,
    perAddress: 50,
    windowMs: 60 * MINUTE,
  },
  verificationResend: {
    action: "verification emails",
    perUser: 20,
    perUserAtAddress: 5,
    perAddress: 50,
    windowMs: 60 * MINUTE,
  },
  // Guessing a 256-bit token is hopeless, but nothing unauthenticated goes unlimited.
  tokenUse: { action: "link uses", perUser: 0, perAddress: 100, windowMs: 15 * MINUTE },
  itemReport: { action: "item reports", perUser: 20, perAddress: 300, windowMs: 60 * MINUTE },
  // Each parses a note of up to 512 KB and compiles its lesson: cheap one at a time, not by the
  // thousand. An author revising a note previews it every minute or so.
  notePreview: { action: "note previews", perUser: 30, perAddress: 300, windowMs: 10 * MINUTE },
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
 * Counts one request against the limit for the address, for the user and address together (when the
 * limit has one), and for the user (when signed in), in that order, and refuses it with a 429 at
 * the first that is over: a refused request does not count against the limits after it. The count slides: it is this window's hits plus the
 * previous window's, weighted by how much of the previous window still lies within one window of
 * now. A burst at the end of one window therefore still counts a moment into the next, where plain
 * fixed windows would let twice the limit through across the boundary. Counters live in the
 * database so that every instance shares them; counting first, atomically, means parallel requests
 * cannot all slip in.
 */
export async function enforceRateLimit(
  db: Db,
  limit: RateLimit,
  who: { userId?: string; address: string },
  now = new Date(),
): Promise<void> {
  const window = Math.floor(now.getTime() / limit.windowMs);
  const windowEnd = (window + 1) * limit.windowMs;
  // A counter matters until the window after its own has ended.
  const expiresAt = new Date(windowEnd + limit.windowMs);
  const subjects: Array<[string, number]> = [[`address:${who.address}`, limit.perAddress]];
  if (who.userId && limit.perUserAtAddress)
    subjects.push([`user:${who.userId}|address:${who.address}`, limit.perUserAtAddress]);
  if (who.userId && limit.perUser > 0) subjects.push([`user:${who.userId}`, limit.perUser]);
  for (const [subject, max] of subjects) {
    const keyOf = (w: number) => `${limit.action}|${subject}|${w}`;
    const key = keyOf(window);
    const { hits } = await db.rateLimit.upsert({
      where: { key },
      create: { key, hits: 1, expiresAt },
      update: { hits: { increment: 1 } },
    });
    const previous = await db.rateLimit.findUnique({ where: { key: keyOf(window - 1) } });
    const wait = secondsUntilAllowed({
      max,
      hits,
      previousHits: previous?.hits ?? 0,
      msIntoWindow: now.getTime() - window * limit.windowMs,
      windowMs: limit.windowMs,
    });
    if (wait > 0) throw new RateLimited(wait, limit.action);
  }
  if (now.getTime() - lastPruned >= PRUNE_EVERY_MS) {
    lastPruned = now.getTime();
    await pruneRateLimits(db, now);
  }
}

/**
 * 0 when the sliding count is within `max`, else how long until it would be: until the previous
 * window's weight has fallen far enough, or, when this window alone is over, until this window's
 * own weight falls once it has become the previous one.
 */
export function secondsUntilAllowed(count: {
  max: number;
  hits: number;
  previousHits: number;
  msIntoWindow: number;
  windowMs: number;
}): number {
  const { max, hits, previousHits, msIntoWindow, windowMs } = count;
  const weight = 1 - msIntoWindow / windowMs;
  if (previousHits * weight + hits <= max) return 0;
  const waitMs =
    hits > max
      ? windowMs - msIntoWindow + windowMs * (1 - max / hits)
      : windowMs * (1 - (max - hits) / previousHits) - msIntoWindow;
  return Math.max(1, Math.ceil(waitMs / 1000));
}

/**
 * Forgets every counter kept for one user slot (a user id, or `email:<address>` for the routes that
 * count per email asked for): a deleted account's, whose keys would otherwise name its email until
 * they expire.
 */
export async function forgetRateLimitsOf(
  db: Db | Prisma.TransactionClient,
  userId: string,
): Promise<number> {
  const prefixes = Object.values(LIMITS).map((limit) => `${limit.action}|user:${userId}|`);
  // startsWith is a LIKE on SQLite, where an email's "_" matches any character: the prefix is
  // checked again here, so that one email's purge never takes another's counters along.
  const rows = await db.rateLimit.findMany({
    where: { OR: prefixes.map((prefix) => ({ key: { startsWith: prefix } })) },
    select: { key: true },
  });
  const keys = rows.map((r) => r.key).filter((k) => prefixes.some((p) => k.startsWith(p)));
  const { count } = await db.rateLimit.deleteMany({ where: { key: { in: keys } } });
  return count;
}

const PRUNE_EVERY_MS = 10 * MINUTE;
let lastPruned = 0;

/** Drops the counters that no longer count; counted requests run it every ten minutes. */
export async function pruneRateLimits(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
