import "server-only";
import type { Db } from "@/server/db/client";
import { askEachControlOnce, askedFirst } from "@/lib/quiz/fair-draw";
import { createAttempt } from "./start-attempt";

export const REVIEW_BATCH = 20;

function dueWhere(userId: string, now: Date) {
  return { userId, due: { lte: now }, item: { retiredAt: null } };
}

/** How many of the learner's items are due now. */
export function countDue(db: Db, userId: string, now = new Date()) {
  return db.reviewCard.count({ where: dueWhere(userId, now) });
}

/** The items a new review would take now: those due soonest, at most REVIEW_BATCH. */
function findReviewBatch(db: Db, userId: string, now: Date) {
  return db.reviewCard.findMany({
    where: dueWhere(userId, now),
    orderBy: { due: "asc" },
    take: REVIEW_BATCH,
    select: { item: { select: { id: true, currentVersionId: true, noteSlug: true, key: true } } },
  });
}

/**
 * The batch's items with each Shared control asked one way, the one due soonest: the other waits
 * for a later review rather than give the control's owner away (fair-draw.ts).
 */
function fairBatch(
  due: Array<{ item: { id: string; currentVersionId: string; noteSlug: string; key: string } }>,
) {
  const items = due.map(({ item }) => item);
  return askEachControlOnce(items, askedFirst(items));
}

/** The review the learner left unfinished, if any: the review page resumes it. */
export async function findOpenReview(db: Db, userId: string) {
  return db.attempt.findFirst({
    where: { userId, kind: "REVIEW", status: "IN_PROGRESS" },
    select: { id: true },
  });
}

/**
 * The review session to take now: the open one if the learner left one unfinished, else a new one
 * with the items due soonest, across notes. Null when nothing is due.
 */
export async function startReview(
  db: Db,
  userId: string,
  now = new Date(),
): Promise<{ attemptId: string } | null> {
  const open = await findOpenReview(db, userId);
  if (open) return { attemptId: open.id };
  const due = await findReviewBatch(db, userId, now);
  if (due.length === 0) return null;
  const attemptId = await createAttempt(db, { userId, kind: "REVIEW" }, fairBatch(due));
  return { attemptId };
}

/**
 * How many cards /review presents if the learner goes there now: the open review's, else the batch
 * that startReview would take. The results page's "Review what you missed (N)" shows this number, so
 * that it is the same code, not a second guess, that decides N.
 */
export async function countReviewOffer(db: Db, userId: string, now = new Date()): Promise<number> {
  const open = await db.attempt.findFirst({
    where: { userId, kind: "REVIEW", status: "IN_PROGRESS" },
    select: { total: true },
  });
  if (open) return open.total;
  return fairBatch(await findReviewBatch(db, userId, now)).length;
}
