import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db/client";
import { insertRows } from "@/server/db/bulk-insert";
import { notFound } from "@/server/http/errors";
import { toQuizItem } from "./quiz-items";

/** The columns of a new, unanswered answer row: one per item of an attempt. */
export const ANSWER_COLUMNS = ["id", "attemptId", "itemId", "itemVersionId", "position"] as const;

function shuffled<T>(values: T[]): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Starts a quiz attempt on a note: one answer row per current item, in a shuffled order, pinned to
 * the item version shown, so that grading uses the wording the learner saw.
 */
export async function startQuizAttempt(db: Db, userId: string, slug: string) {
  const items = await db.item.findMany({
    where: { noteSlug: slug, retiredAt: null, note: { retiredAt: null } },
  });
  if (items.length === 0) throw notFound("Quiz");
  const order = shuffled(items);
  const attemptId = randomUUID();
  await db.$transaction(async (tx) => {
    await tx.attempt.create({
      data: { id: attemptId, userId, kind: "QUIZ", noteSlug: slug, total: items.length },
    });
    await insertRows(
      tx,
      "Answer",
      ANSWER_COLUMNS,
      order.map((item, position) => [
        randomUUID(),
        attemptId,
        item.id,
        item.currentVersionId,
        position,
      ]),
    );
  });
  return { attemptId, items: order.map(toQuizItem) };
}

/** The attempt a learner left unfinished on this note, if any: the quiz page resumes it. */
export async function findOpenQuizAttempt(db: Db, userId: string, slug: string) {
  return db.attempt.findFirst({
    where: { userId, noteSlug: slug, kind: "QUIZ", status: "IN_PROGRESS" },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
}
