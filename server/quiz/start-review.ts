import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db/client";
import { insertRows } from "@/server/db/bulk-insert";
import { ANSWER_COLUMNS } from "./start-attempt";

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
  const attemptId = randomUUID();
  await db.$transaction(async (tx) => {
    await tx.attempt.create({ data: { id: attemptId, userId, kind: "REVIEW", total: due.length } });
    await insertRows(
      tx,
      "Answer",
      ANSWER_COLUMNS,
      due.map(({ item }, position) => [
        randomUUID(),
        attemptId,
        item.id,
        item.currentVersionId,
        position,
      ]),
    );
  });
  return { attemptId };
}
