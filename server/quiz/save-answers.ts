import "server-only";
import type { Prisma } from "@/generated/sqlite/client";
import type { SavedAnswers } from "@/lib/contracts/quiz";
import type { AnswerInput } from "@/lib/validation/quiz";
import type { Db } from "@/server/db/client";
import { conflict, HttpError, notFound } from "@/server/http/errors";

type Tx = Prisma.TransactionClient;

/** Refuses answers to items the attempt does not have: a 422 naming each such field. Used by submit too. */
export function assertKnownItems(answers: AnswerInput[], known: ReadonlySet<string>): void {
  const fields: Record<string, string[]> = {};
  answers.forEach((answer, i) => {
    if (!known.has(answer.itemId))
      fields[`answers.${i}.itemId`] = [`Item ${answer.itemId} is not part of this attempt`];
  });
  if (Object.keys(fields).length > 0)
    throw new HttpError(
      422,
      "validation_failed",
      "Some answers name items that are not in this attempt.",
      fields,
    );
}

async function assertItemsInAttempt(tx: Tx, attemptId: string, answers: AnswerInput[]) {
  if (answers.length === 0) return;
  const rows = await tx.answer.findMany({
    where: { attemptId, itemId: { in: answers.map((a) => a.itemId) } },
    select: { itemId: true },
  });
  assertKnownItems(answers, new Set(rows.map((r) => r.itemId)));
}

/** Writes the answers. The caller has checked the attempt is open and owned, in the same transaction. */
async function writeAnswers(tx: Tx, attemptId: string, answers: AnswerInput[], now: Date) {
  for (const answer of answers) {
    await tx.answer.update({
      where: { attemptId_itemId: { attemptId, itemId: answer.itemId } },
      data: {
        choice: answer.choice,
        answeredAt: answer.choice ? now : null,
        ...(answer.ms !== undefined ? { answerMs: answer.ms } : {}),
      },
    });
  }
}

/**
 * Autosave: merges partial answers into an open attempt. The attempt row is touched first, with the
 * status in the condition, so that on PostgreSQL a racing submit holds the row lock and this save
 * then finds the attempt closed: a save can never reopen or change a submitted attempt.
 */
export async function saveAnswers(
  db: Db,
  userId: string,
  attemptId: string,
  answers: AnswerInput[],
  now = new Date(),
): Promise<SavedAnswers> {
  return db.$transaction(async (tx) => {
    const attempt = await tx.attempt.findUnique({
      where: { id: attemptId },
      select: { userId: true, status: true },
    });
    if (!attempt || attempt.userId !== userId) throw notFound("Attempt");
    const open = await tx.attempt.updateMany({
      where: { id: attemptId, status: "IN_PROGRESS" },
      data: { updatedAt: now },
    });
    if (open.count === 0)
      throw conflict("This attempt has been submitted; its answers can no longer change.");
    await assertItemsInAttempt(tx, attemptId, answers);
    await writeAnswers(tx, attemptId, answers, now);
    const saved = await tx.answer.count({ where: { attemptId, choice: { not: null } } });
    return { saved, savedAt: now.toISOString() };
  });
}
