import "server-only";
import type { Prisma } from "@/generated/sqlite/client";
import { optionKeysOf, parseItemSpec } from "@/lib/content/item-spec";
import type { SavedAnswers } from "@/lib/contracts/quiz";
import type { AnswerInput } from "@/lib/validation/quiz";
import type { Db } from "@/server/db/client";
import { conflict, HttpError, notFound } from "@/server/http/errors";
import { transaction } from "@/server/db/transaction";

type Tx = Prisma.TransactionClient;

/** What an attempt's item was pinned to, as far as the shape of its answer goes. */
export interface PinnedShape {
  answerKey: string | null;
  spec: string | null;
}

/**
 * Refuses answers that do not fit the attempt: an item it does not have, an owner for an item
 * answered with one of its options (or the other way round), or an option the item does not offer.
 * A 422 naming each such field. Used by submit too.
 */
export function assertAnswersFit(
  answers: AnswerInput[],
  pinned: ReadonlyMap<string, PinnedShape>,
): void {
  const fields: Record<string, string[]> = {};
  answers.forEach((answer, i) => {
    const item = pinned.get(answer.itemId);
    if (!item) {
      fields[`answers.${i}.itemId`] = [`Item ${answer.itemId} is not part of this attempt`];
      return;
    }
    const byOption = item.answerKey !== null;
    if (answer.choice !== undefined && byOption) {
      fields[`answers.${i}.choice`] = [
        "This item is answered with one of its options (option), not an owner",
      ];
    } else if (answer.option !== undefined && !byOption) {
      fields[`answers.${i}.option`] = [
        "This item is answered with an owner (choice), not an option",
      ];
    } else if (answer.option !== undefined && answer.option !== null) {
      if (!optionKeysOf(parseItemSpec(item.spec)).includes(answer.option))
        fields[`answers.${i}.option`] = ["Not one of this item's options"];
    }
  });
  if (Object.keys(fields).length > 0)
    throw new HttpError(422, "validation_failed", "Some answers do not fit this attempt.", fields);
}

async function pinnedShapes(tx: Tx, attemptId: string, answers: AnswerInput[]) {
  const rows = await tx.answer.findMany({
    where: { attemptId, itemId: { in: answers.map((a) => a.itemId) } },
    select: { itemId: true, itemVersion: { select: { answerKey: true, spec: true } } },
  });
  return new Map(rows.map((row) => [row.itemId, row.itemVersion]));
}

/** The columns one answer sets: its owner or option, its confidence, when, and how long it took. */
export function answerColumns(answer: AnswerInput, now: Date) {
  const given = answer.choice ?? answer.option ?? null;
  return {
    ...(answer.choice !== undefined
      ? { choice: answer.choice }
      : { option: answer.option ?? null }),
    ...(answer.confidence !== undefined
      ? {
          confidence:
            answer.confidence === null
              ? null
              : answer.confidence === "sure"
                ? ("SURE" as const)
                : ("UNSURE" as const),
        }
      : {}),
    answeredAt: given !== null ? now : null,
    ...(answer.ms !== undefined ? { answerMs: answer.ms } : {}),
  };
}

/** Writes the answers. The caller has checked the attempt is open and owned, in the same transaction. */
async function writeAnswers(tx: Tx, attemptId: string, answers: AnswerInput[], now: Date) {
  for (const answer of answers) {
    await tx.answer.update({
      where: { attemptId_itemId: { attemptId, itemId: answer.itemId } },
      data: answerColumns(answer, now),
    });
  }
}

/**
 * Autosave: merges partial answers into an open attempt. The attempt row is touched first, with the
 * owner and the status in the condition, so that on PostgreSQL a racing submit holds the row lock and
 * this save then finds the attempt closed: a save can never reopen or change a submitted attempt. On
 * SQLite, a transaction that writes first takes the write lock at once and waits its turn; one that
 * read first fails (SQLITE_BUSY_SNAPSHOT) when another app instance wrote in between. A timed attempt
 * past its deadline takes no more answers.
 */
export async function saveAnswers(
  db: Db,
  userId: string,
  attemptId: string,
  answers: AnswerInput[],
  now = new Date(),
): Promise<SavedAnswers> {
  return transaction(db, async (tx) => {
    const open = await tx.attempt.updateMany({
      where: {
        id: attemptId,
        userId,
        status: "IN_PROGRESS",
        OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      },
      data: { updatedAt: now },
    });
    if (open.count === 0) {
      const attempt = await tx.attempt.findUnique({
        where: { id: attemptId },
        select: { userId: true, expiresAt: true },
      });
      if (!attempt || attempt.userId !== userId) throw notFound("Attempt");
      throw conflict(
        attempt.expiresAt && attempt.expiresAt <= now
          ? "Time is up for this attempt; it is graded with the answers saved before the deadline."
          : "This attempt has been submitted; its answers can no longer change.",
      );
    }
    if (answers.length > 0) assertAnswersFit(answers, await pinnedShapes(tx, attemptId, answers));
    await writeAnswers(tx, attemptId, answers, now);
    const saved = await tx.answer.count({
      where: { attemptId, OR: [{ choice: { not: null } }, { option: { not: null } }] },
    });
    return { saved, savedAt: now.toISOString() };
  });
}
