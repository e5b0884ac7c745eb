import "server-only";
import type { Prisma } from "@/generated/sqlite/client";
import { lessonHref } from "@/lib/content/build-library";
import type { Owner } from "@/lib/content/types";
import { gradeAnswers, type Grade } from "@/lib/quiz/grade";
import { levelAfterQuiz, levelAfterReview } from "@/lib/quiz/mastery";
import { newReviewState, scheduleReview, type ReviewState } from "@/lib/quiz/schedule";
import type { AnswerInput } from "@/lib/validation/quiz";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/http/errors";
import { assertItemsInAttempt, writeAnswers } from "./save-answers";

type Tx = Prisma.TransactionClient;

/** Grades an attempt from its stored answers and the item versions they were pinned to. */
async function gradeStored(tx: Tx, attemptId: string): Promise<Grade & { rows: Array<{ itemId: string; noteSlug: string; answerMs: number | null }> }> {
  const answers = await tx.answer.findMany({
    where: { attemptId },
    orderBy: { position: "asc" },
    select: { itemId: true, choice: true, answerMs: true, item: { select: { noteSlug: true } }, itemVersion: { select: { owner: true, detail: true, anchor: true } } },
  });
  const grade = gradeAnswers(
    answers.map((a) => ({ itemId: a.itemId, owner: a.itemVersion.owner, explanation: a.itemVersion.detail, lessonHref: lessonHref(a.item.noteSlug, a.itemVersion.anchor) })),
    new Map(answers.map((a) => [a.itemId, a.choice])),
  );
  return { ...grade, rows: answers.map((a) => ({ itemId: a.itemId, noteSlug: a.item.noteSlug, answerMs: a.answerMs })) };
}

class AlreadySubmitted extends Error {}

const WRONG_COUNTER: Record<Owner, "wrongAws" | "wrongCustomer" | "wrongShared"> = {
  AWS: "wrongAws",
  CUSTOMER: "wrongCustomer",
  SHARED: "wrongShared",
};

function cardColumns(state: ReviewState) {
  return {
    due: state.due,
    stability: state.stability,
    difficulty: state.difficulty,
    elapsedDays: state.elapsed_days,
    scheduledDays: state.scheduled_days,
    learningSteps: state.learning_steps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    lastReview: state.last_review ?? null,
  };
}

/**
 * Submits an attempt: merges any last answers, grades on the server, and records the grade, the
 * FSRS cards and the learner's note progress in one transaction. Submitting again, even at the same
 * moment, records nothing new and returns the recorded grade.
 */
export async function submitAttempt(db: Db, userId: string, attemptId: string, answers: AnswerInput[] = [], now = new Date()) {
  try {
    return await db.$transaction(async (tx) => {
      const attempt = await tx.attempt.findUnique({ where: { id: attemptId }, select: { userId: true, status: true, kind: true, noteSlug: true } });
      if (!attempt || attempt.userId !== userId) throw notFound("Attempt");
      if (attempt.status === "SUBMITTED") throw new AlreadySubmitted();
      // Claim the attempt first: the conditional update takes the row lock, so of two concurrent
      // submits exactly one proceeds and the other finds it already submitted.
      const claim = await tx.attempt.updateMany({ where: { id: attemptId, status: "IN_PROGRESS" }, data: { status: "SUBMITTED", submittedAt: now } });
      if (claim.count === 0) throw new AlreadySubmitted();

      await assertItemsInAttempt(tx, attemptId, answers);
      await writeAnswers(tx, attemptId, answers, now);
      const grade = await gradeStored(tx, attemptId);
      await tx.attempt.update({ where: { id: attemptId }, data: { correct: grade.score.correct, total: grade.score.total } });

      const right = grade.results.filter((r) => r.correct).map((r) => r.itemId);
      const wrong = grade.results.filter((r) => !r.correct).map((r) => r.itemId);
      if (right.length) await tx.answer.updateMany({ where: { attemptId, itemId: { in: right } }, data: { correct: true } });
      if (wrong.length) await tx.answer.updateMany({ where: { attemptId, itemId: { in: wrong } }, data: { correct: false } });

      await recordCards(tx, userId, grade, now);
      await recordNoteProgress(tx, userId, attempt.kind, attempt.noteSlug, grade, now);
      await tx.user.update({ where: { id: userId }, data: { lastActiveAt: now } });
      return { score: grade.score, results: grade.results };
    });
  } catch (error) {
    if (!(error instanceof AlreadySubmitted)) throw error;
    const { score, results } = await db.$transaction((tx) => gradeStored(tx, attemptId));
    return { score, results };
  }
}

async function recordCards(tx: Tx, userId: string, grade: Awaited<ReturnType<typeof gradeStored>>, now: Date) {
  const cards = new Map(
    (await tx.reviewCard.findMany({ where: { userId, itemId: { in: grade.results.map((r) => r.itemId) } } })).map((c) => [c.itemId, c]),
  );
  const msOf = new Map(grade.rows.map((r) => [r.itemId, r.answerMs ?? undefined]));
  const created: Prisma.ReviewCardCreateManyInput[] = [];
  for (const result of grade.results) {
    const card = cards.get(result.itemId);
    const before: ReviewState = card
      ? { due: card.due, stability: card.stability, difficulty: card.difficulty, elapsed_days: card.elapsedDays, scheduled_days: card.scheduledDays, learning_steps: card.learningSteps, reps: card.reps, lapses: card.lapses, state: card.state, last_review: card.lastReview ?? undefined }
      : newReviewState(now);
    const after = cardColumns(scheduleReview(before, result.correct, now, msOf.get(result.itemId)));
    const wrongColumn = result.choice && !result.correct ? WRONG_COUNTER[result.choice] : undefined;
    if (card) {
      await tx.reviewCard.update({
        where: { userId_itemId: { userId, itemId: result.itemId } },
        data: {
          ...after,
          attempts: { increment: 1 },
          ...(result.correct ? { correctCount: { increment: 1 } } : {}),
          ...(wrongColumn ? { [wrongColumn]: { increment: 1 } } : {}),
          lastCorrect: result.correct,
        },
      });
    } else {
      created.push({
        userId,
        itemId: result.itemId,
        ...after,
        attempts: 1,
        correctCount: result.correct ? 1 : 0,
        ...(wrongColumn ? { [wrongColumn]: 1 } : {}),
        lastCorrect: result.correct,
      });
    }
  }
  if (created.length) await tx.reviewCard.createMany({ data: created });
}

async function recordNoteProgress(tx: Tx, userId: string, kind: "QUIZ" | "REVIEW", noteSlug: string | null, grade: Grade & { rows: Array<{ itemId: string; noteSlug: string }> }, now: Date) {
  // Each note the attempt touched, and whether all of its items were right.
  const noteOf = new Map(grade.rows.map((r) => [r.itemId, r.noteSlug]));
  const allCorrect = new Map<string, boolean>();
  for (const result of grade.results) {
    const slug = kind === "QUIZ" && noteSlug ? noteSlug : noteOf.get(result.itemId);
    if (slug) allCorrect.set(slug, (allCorrect.get(slug) ?? true) && result.correct);
  }
  for (const [slug, correct] of allCorrect) {
    // Upsert first: it creates the row if need be and, on PostgreSQL, locks it, so that two attempts
    // submitted at once by one learner on one note cannot both read the same "before".
    const key = { userId_noteSlug: { userId, noteSlug: slug } };
    const before = await tx.noteProgress.upsert({ where: key, create: { userId, noteSlug: slug, lastActiveAt: now }, update: { lastActiveAt: now } });
    const beforeStanding = { level: before.level, proficientAt: before.proficientAt };
    let data: { level: number; proficientAt: Date | null; attempts?: number; lastScore?: number; bestScore?: number };
    if (kind === "QUIZ") {
      const percent = grade.score.total ? Math.round((grade.score.correct / grade.score.total) * 1000) / 10 : 0;
      const standing = levelAfterQuiz(percent / 100, now);
      // A perfect retake of a mastered note keeps it mastered; anything less is judged afresh.
      const keepMastered = standing.proficientAt !== null && beforeStanding.level > standing.level;
      data = {
        level: keepMastered ? beforeStanding.level : standing.level,
        proficientAt: standing.proficientAt ? (beforeStanding.proficientAt ?? standing.proficientAt) : null,
        attempts: before.attempts + 1,
        lastScore: percent,
        bestScore: Math.max(percent, before.bestScore ?? 0),
      };
    } else {
      data = levelAfterReview(beforeStanding, correct, now);
    }
    await tx.noteProgress.update({ where: key, data });
    if (data.level !== beforeStanding.level) await tx.masteryEvent.create({ data: { userId, noteSlug: slug, level: data.level, at: now } });
  }
}
