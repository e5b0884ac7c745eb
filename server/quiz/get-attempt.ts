import "server-only";
import type { Attempt, PartScore, PracticeSettings, QuizItemKind } from "@/lib/contracts/quiz";
import { PRACTICE_KINDS } from "@/lib/practice/practice-form";
import type { Db } from "@/server/db/client";
import { answersShown, attemptAsShown, type WholeAttempt } from "@/lib/quiz/review-options";
import { notFound } from "@/server/http/errors";
import { assignmentRuleSelect, reviewRuleOf } from "./attempt-review";
import { confidenceOf, gradePinnedAnswers } from "./grade-pinned";
import { toQuizItem } from "./quiz-items";
import { scoreBySectionInLibrary } from "./score-sections";
import { submitIfExpired } from "./submit-attempt";

/** Each kind's name in a score by kind: the practice form's. */
const KIND_TITLES = Object.fromEntries(
  PRACTICE_KINDS.map(({ kind, title }) => [kind, title]),
) as Record<QuizItemKind, string>;

/** Scores per slice, in the order the slices first appear. */
function scoreBy(rows: Array<{ key: string; title: string; correct: boolean }>): PartScore[] {
  const parts = new Map<string, PartScore>();
  for (const row of rows) {
    const part = parts.get(row.key) ?? { key: row.key, title: row.title, correct: 0, total: 0 };
    part.total++;
    if (row.correct) part.correct++;
    parts.set(row.key, part);
  }
  return [...parts.values()];
}

/**
 * An attempt with its answers and the item wording it was started with, and its graded answers once
 * submitted, with the score by section, note and kind, as far as its assignment's review options show
 * them at `reviewAt` (the request's clock). Another person's attempt is reported as not found, so
 * that attempt ids reveal nothing.
 */
export async function getAttempt(
  db: Db,
  userId: string,
  attemptId: string,
  now = new Date(),
  reviewAt = now,
): Promise<Attempt> {
  await submitIfExpired(db, userId, attemptId, now);
  const attempt = await db.attempt.findUnique({
    where: { id: attemptId },
    include: {
      assignment: assignmentRuleSelect(userId),
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
  const items = attempt.answers.map((a) => ({
    ...toQuizItem({
      id: a.itemId,
      kind: a.item.kind,
      noteSlug: a.item.noteSlug,
      prompt: a.itemVersion.prompt,
      description: a.itemVersion.description,
      serviceModel: a.itemVersion.serviceModel,
      spec: a.itemVersion.spec,
    }),
    noteTitle: a.item.note.title,
  }));
  const graded = submitted
    ? gradePinnedAnswers(
        attempt.answers.map((a) => ({
          itemId: a.itemId,
          choice: a.choice,
          option: a.option,
          confidence: confidenceOf(a.confidence),
          noteSlug: a.item.noteSlug,
          owner: a.itemVersion.owner,
          answerKey: a.itemVersion.answerKey,
          spec: a.itemVersion.spec,
          explanation: a.itemVersion.detail,
          sourceTitle: a.itemVersion.sourceTitle,
          sourceUrl: a.itemVersion.sourceUrl,
          anchor: a.itemVersion.anchor,
        })),
      )
    : null;
  // Built whole, then cut to what the review options show: one place decides what is withheld.
  const whole: WholeAttempt = {
    id: attempt.id,
    kind: attempt.kind === "REVIEW" ? "review" : attempt.kind === "PRACTICE" ? "practice" : "quiz",
    noteSlug: attempt.noteSlug,
    status: submitted ? "submitted" : "in_progress",
    expiresAt: attempt.expiresAt?.toISOString() ?? null,
    practice: attempt.practice ? (JSON.parse(attempt.practice) as PracticeSettings) : null,
    assignmentId: attempt.assignmentId,
    answers: attempt.answers.map((a) => ({
      itemId: a.itemId,
      choice: a.choice,
      option: a.option,
      confidence: confidenceOf(a.confidence),
    })),
    items,
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
            spec: a.itemVersion.spec,
          })),
        )
      : null,
    byNote: graded
      ? scoreBy(
          items.map((item, i) => ({
            key: item.noteSlug,
            title: item.noteTitle,
            correct: graded.results[i].correct,
          })),
        )
      : null,
    byKind: graded
      ? scoreBy(
          items.map((item, i) => ({
            key: item.kind,
            title: KIND_TITLES[item.kind],
            correct: graded.results[i].correct,
          })),
        )
      : null,
  };
  return attemptAsShown(whole, answersShown(reviewRuleOf(attempt.assignment), reviewAt));
}
