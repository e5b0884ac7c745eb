import "server-only";
import type { Attempt } from "@/lib/contracts/quiz";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/http/errors";
import { gradePinnedAnswers } from "./grade-pinned";
import { toQuizItem } from "./quiz-items";
import { scoreBySectionInLibrary } from "./score-sections";

/**
 * An attempt with its answers and the item wording it was started with, and its graded answers once
 * submitted, with the score by section. Another person's attempt is reported as not found, so that
 * attempt ids reveal nothing.
 */
export async function getAttempt(db: Db, userId: string, attemptId: string): Promise<Attempt> {
  const attempt = await db.attempt.findUnique({
    where: { id: attemptId },
    include: {
      answers: {
        orderBy: { position: "asc" },
        include: {
          itemVersion: true,
          item: { select: { kind: true, noteSlug: true, note: { select: { title: true } } } },
        },
      },
    },
  });
  if (!attempt || attempt.userId !== userId) throw notFound("Attempt");
  const submitted = attempt.status === "SUBMITTED";
  const graded = submitted
    ? gradePinnedAnswers(
        attempt.answers.map((a) => ({
          itemId: a.itemId,
          choice: a.choice,
          noteSlug: a.item.noteSlug,
          owner: a.itemVersion.owner,
          explanation: a.itemVersion.detail,
          anchor: a.itemVersion.anchor,
        })),
      )
    : null;
  return {
    id: attempt.id,
    kind: attempt.kind === "REVIEW" ? "review" : "quiz",
    noteSlug: attempt.noteSlug,
    status: submitted ? "submitted" : "in_progress",
    answers: attempt.answers.map((a) => ({ itemId: a.itemId, choice: a.choice })),
    items: attempt.answers.map((a) => ({
      ...toQuizItem({
        id: a.itemId,
        kind: a.item.kind,
        noteSlug: a.item.noteSlug,
        prompt: a.itemVersion.prompt,
        detail: a.itemVersion.detail,
        serviceModel: a.itemVersion.serviceModel,
      }),
      noteTitle: a.item.note.title,
    })),
    result: graded,
    sections: graded
      ? scoreBySectionInLibrary(
          attempt.answers.map((a, i) => ({
            itemId: a.itemId,
            correct: graded.results[i].correct,
            noteSlug: a.item.noteSlug,
            noteTitle: a.item.note.title,
            anchor: a.itemVersion.anchor,
            serviceModel: a.itemVersion.serviceModel,
          })),
        )
      : null,
  };
}
