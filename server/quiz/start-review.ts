import "server-only";
import type { Db } from "@/server/db/client";
import { createAttempt } from "./start-attempt";

export const REVIEW_BATCH = 20;

/** How many of the learner's items are due now. */
export function countDue(db: Db, userId: string, now = new Date()) {
  return db.reviewCard.count({ where: { userId, due: { lte: now }, item: { retiredAt: null } } });
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
  const due = await db.reviewCard.findMany({
    where: { userId, due: { lte: now }, item: { retiredAt: null } },
    orderBy: { due: "asc" },
    take: REVIEW_BATCH,
    select: { item: { select: { id: true, currentVersionId: true } } },
  });
  if (due.length === 0) return null;
  const attemptId = await createAttempt(
    db,
    { userId, kind: "REVIEW" },
    due.map(({ item }) => item),
  );
  return { attemptId };
}
