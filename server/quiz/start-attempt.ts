import "server-only";
import { randomUUID } from "node:crypto";
import type { StartedAttempt } from "@/lib/contracts/quiz";
import type { Db } from "@/server/db/client";
import { insertRows } from "@/server/db/bulk-insert";
import { notFound } from "@/server/http/errors";
import { findOpenQuizAttempt } from "./find-quiz-attempt";
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
export async function startQuizAttempt(
  db: Db,
  userId: string,
  slug: string,
): Promise<StartedAttempt> {
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

/**
 * What the quiz page's "Start quiz" does: the attempt left open on this note if there is one, so
 * that a second click or a second tab never leaves an unfinished attempt behind; else a new one.
 */
export async function resumeOrStartQuizAttempt(
  db: Db,
  userId: string,
  slug: string,
): Promise<{ attemptId: string }> {
  const open = await findOpenQuizAttempt(db, userId, slug);
  if (open) return { attemptId: open.id };
  return { attemptId: (await startQuizAttempt(db, userId, slug)).attemptId };
}
