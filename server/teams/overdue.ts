import "server-only";
import type { Db } from "@/server/db/client";

const DAY_MS = 86_400_000;

/**
 * A learner is overdue when a review has waited more than this many days. Cards fall due all the
 * time (a wrong answer is due at once), so "has reviews due" says little; a week of letting them
 * wait is what an instructor follows up on, and it also catches a learner who stopped coming.
 */
export const OVERDUE_AFTER_DAYS = 7;

export function isOverdue(oldestDueAt: Date | null, now: Date): boolean {
  return (
    oldestDueAt !== null && now.getTime() - oldestDueAt.getTime() > OVERDUE_AFTER_DAYS * DAY_MS
  );
}

export interface ReviewsDue {
  reviewsDue: number;
  oldestDueAt: string | null;
  overdue: boolean;
}

/** Each learner's due reviews (on current items), counted in one grouped query. */
export async function readReviewsDue(
  db: Db,
  userIds: string[],
  now: Date,
): Promise<Map<string, ReviewsDue>> {
  const groups = userIds.length
    ? await db.reviewCard.groupBy({
        by: ["userId"],
        where: { userId: { in: userIds }, due: { lte: now }, item: { retiredAt: null } },
        _count: { _all: true },
        _min: { due: true },
      })
    : [];
  const byUser = new Map<string, ReviewsDue>();
  for (const id of userIds) byUser.set(id, { reviewsDue: 0, oldestDueAt: null, overdue: false });
  for (const g of groups) {
    const oldest = g._min.due ?? null;
    byUser.set(g.userId, {
      reviewsDue: g._count._all,
      oldestDueAt: oldest?.toISOString() ?? null,
      overdue: isOverdue(oldest, now),
    });
  }
  return byUser;
}
