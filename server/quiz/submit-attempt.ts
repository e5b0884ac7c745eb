import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import type { Owner } from "@/lib/content/types";
import type { Grade } from "@/lib/quiz/grade";
import {
  levelAfterQuiz,
  levelAfterReview,
  reviewOutcomeByNote,
  type NoteStanding,
} from "@/lib/quiz/mastery";
import { newReviewState, scheduleReview, type ReviewState } from "@/lib/quiz/schedule";
import { scorePercent } from "@/lib/quiz/score";
import type { AnswerInput } from "@/lib/validation/quiz";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/http/errors";
import { addToTeamItemStats, type ItemCounts } from "@/server/teams/team-item-stats";
import { gradePinnedAnswers, type PinnedAnswer } from "./grade-pinned";
import { assertKnownItems } from "./save-answers";

type Tx = Prisma.TransactionClient;

interface StoredAnswer extends PinnedAnswer {
  answerMs: number | null;
}

/** An attempt's answers in the order shown, each with the item version it was pinned to. */
async function readAnswers(db: Tx | Db, attemptId: string): Promise<StoredAnswer[]> {
  const rows = await db.answer.findMany({
    where: { attemptId },
    orderBy: { position: "asc" },
    select: {
      itemId: true,
      choice: true,
      answerMs: true,
      item: { select: { noteSlug: true } },
      itemVersion: { select: { owner: true, detail: true, anchor: true } },
    },
  });
  return rows.map((row) => ({
    itemId: row.itemId,
    choice: row.choice,
    answerMs: row.answerMs,
    noteSlug: row.item.noteSlug,
    owner: row.itemVersion.owner,
    explanation: row.itemVersion.detail,
    anchor: row.itemVersion.anchor,
  }));
}

class AlreadySubmitted extends Error {}

/**
 * Submits an attempt: merges any last answers, grades on the server, and records the grade, the
 * FSRS cards, the learner's note progress and the team aggregates in one transaction. Submitting
 * again, even at the same moment, records nothing new and returns the recorded grade.
 */
export async function submitAttempt(
  db: Db,
  userId: string,
  attemptId: string,
  answers: AnswerInput[] = [],
  now = new Date(),
) {
  try {
    return await db.$transaction(async (tx) => {
      // Claim the attempt before reading its answers: the conditional update takes the row lock, so
      // of two concurrent submits exactly one proceeds, and a racing autosave waits, then finds it closed.
      const claimed = await tx.attempt.updateMany({
        where: { id: attemptId, userId, status: "IN_PROGRESS" },
        data: { status: "SUBMITTED", submittedAt: now, updatedAt: now },
      });
      if (claimed.count === 0) {
        const existing = await tx.attempt.findUnique({
          where: { id: attemptId },
          select: { userId: true },
        });
        if (!existing || existing.userId !== userId) throw notFound("Attempt");
        throw new AlreadySubmitted();
      }

      const stored = mergeAnswers(await readAnswers(tx, attemptId), answers);
      const graded = gradePinnedAnswers(stored);
      await writeGradedAnswers(tx, attemptId, stored, answers, graded, now);
      const attempt = await tx.attempt.update({
        where: { id: attemptId },
        data: { correct: graded.score.correct, total: graded.score.total },
        select: { kind: true, noteSlug: true },
      });
      await recordCards(tx, userId, stored, graded, now);
      await recordNoteProgress(tx, userId, attempt, stored, graded, now);
      await tx.user.update({ where: { id: userId }, data: { lastActiveAt: now } });
      return { score: graded.score, results: graded.results };
    });
  } catch (error) {
    if (!(error instanceof AlreadySubmitted)) throw error;
    const graded = gradePinnedAnswers(await readAnswers(db, attemptId));
    return { score: graded.score, results: graded.results };
  }
}

/** The stored answers with the submitted ones laid over them; an item not in the attempt is a 422. */
function mergeAnswers(stored: StoredAnswer[], answers: AnswerInput[]): StoredAnswer[] {
  assertKnownItems(answers, new Set(stored.map((a) => a.itemId)));
  const submitted = new Map(answers.map((a) => [a.itemId, a]));
  return stored.map((a) => {
    const answer = submitted.get(a.itemId);
    return answer ? { ...a, choice: answer.choice, answerMs: answer.ms ?? a.answerMs } : a;
  });
}

/**
 * Records choices and correctness with one update per distinct (choice, correct) pair rather than
 * one per answer: an attempt has dozens of answers but at most six such pairs.
 */
async function writeGradedAnswers(
  tx: Tx,
  attemptId: string,
  stored: StoredAnswer[],
  submitted: AnswerInput[],
  graded: Grade,
  now: Date,
) {
  const changed = new Set(submitted.map((a) => a.itemId));
  const groups = new Map<
    string,
    { choice: Owner | null; correct: boolean; answeredNow: boolean; itemIds: string[] }
  >();
  graded.results.forEach((result, i) => {
    const answeredNow = changed.has(result.itemId) && result.choice !== null;
    const key = `${result.choice}|${result.correct}|${answeredNow}`;
    const group = groups.get(key) ?? {
      choice: result.choice,
      correct: result.correct,
      answeredNow,
      itemIds: [],
    };
    group.itemIds.push(stored[i].itemId);
    groups.set(key, group);
  });
  for (const { choice, correct, answeredNow, itemIds } of groups.values()) {
    await tx.answer.updateMany({
      where: { attemptId, itemId: { in: itemIds } },
      data: { choice, correct, ...(answeredNow ? { answeredAt: now } : {}) },
    });
  }
  // Timings come with autosaves; only a timing sent with the submit itself is written here.
  for (const answer of submitted) {
    if (answer.ms === undefined) continue;
    await tx.answer.update({
      where: { attemptId_itemId: { attemptId, itemId: answer.itemId } },
      data: { answerMs: answer.ms },
    });
  }
}

const CARD_COLUMNS = Prisma.raw(
  [
    "userId",
    "itemId",
    "due",
    "stability",
    "difficulty",
    "elapsedDays",
    "scheduledDays",
    "learningSteps",
    "reps",
    "lapses",
    "state",
    "lastReview",
    "attempts",
    "correctCount",
    "wrongAws",
    "wrongCustomer",
    "wrongShared",
    "lastCorrect",
  ]
    .map((column) => `"${column}"`)
    .join(", "),
);

/**
 * Schedules every answered item's FSRS card and bumps its answer counters, then adds the same counts
 * to the aggregates of every team the learner belongs to. The cards are written in one multi-row
 * upsert whose counters add to what is stored: Prisma's upsert would take one statement per card, and
 * a quiz has dozens.
 */
async function recordCards(
  tx: Tx,
  userId: string,
  stored: StoredAnswer[],
  graded: Grade,
  now: Date,
) {
  if (graded.results.length === 0) return;
  const cards = await tx.reviewCard.findMany({
    where: { userId, itemId: { in: graded.results.map((r) => r.itemId) } },
  });
  const existing = new Map(cards.map((card) => [card.itemId, card]));
  const counts: ItemCounts[] = [];
  const rows = graded.results.map((result, i) => {
    const card = existing.get(result.itemId);
    const before: ReviewState = card
      ? {
          due: card.due,
          stability: card.stability,
          difficulty: card.difficulty,
          elapsed_days: card.elapsedDays,
          scheduled_days: card.scheduledDays,
          learning_steps: card.learningSteps,
          reps: card.reps,
          lapses: card.lapses,
          state: card.state,
          last_review: card.lastReview ?? undefined,
        }
      : newReviewState(now);
    const after = scheduleReview(before, result.correct, now, stored[i].answerMs ?? undefined);
    const wrong = !result.correct && result.choice ? result.choice : null;
    const count: ItemCounts = {
      itemId: result.itemId,
      attempts: 1,
      correct: result.correct ? 1 : 0,
      wrongAws: wrong === "AWS" ? 1 : 0,
      wrongCustomer: wrong === "CUSTOMER" ? 1 : 0,
      wrongShared: wrong === "SHARED" ? 1 : 0,
    };
    counts.push(count);
    return Prisma.sql`(${Prisma.join([
      userId,
      result.itemId,
      after.due,
      after.stability,
      after.difficulty,
      after.elapsed_days,
      after.scheduled_days,
      after.learning_steps,
      after.reps,
      after.lapses,
      after.state,
      after.last_review ?? null,
      1,
      count.correct,
      count.wrongAws,
      count.wrongCustomer,
      count.wrongShared,
      result.correct,
    ])})`;
  });
  await tx.$executeRaw`
    INSERT INTO "ReviewCard" (${CARD_COLUMNS}) VALUES ${Prisma.join(rows)}
    ON CONFLICT ("userId", "itemId") DO UPDATE SET
      "due" = excluded."due", "stability" = excluded."stability",
      "difficulty" = excluded."difficulty", "elapsedDays" = excluded."elapsedDays",
      "scheduledDays" = excluded."scheduledDays", "learningSteps" = excluded."learningSteps",
      "reps" = excluded."reps", "lapses" = excluded."lapses", "state" = excluded."state",
      "lastReview" = excluded."lastReview",
      "attempts" = "ReviewCard"."attempts" + 1,
      "correctCount" = "ReviewCard"."correctCount" + excluded."correctCount",
      "wrongAws" = "ReviewCard"."wrongAws" + excluded."wrongAws",
      "wrongCustomer" = "ReviewCard"."wrongCustomer" + excluded."wrongCustomer",
      "wrongShared" = "ReviewCard"."wrongShared" + excluded."wrongShared",
      "lastCorrect" = excluded."lastCorrect"`;
  await addToTeamItemStats(tx, userId, counts);
}

/**
 * Moves the learner's standing on each note the attempt touched, by the rules in lib/quiz/mastery.ts:
 * a quiz by its score, a review by whether each note's items were all recalled.
 */
async function recordNoteProgress(
  tx: Tx,
  userId: string,
  attempt: { kind: "QUIZ" | "REVIEW"; noteSlug: string | null },
  stored: StoredAnswer[],
  graded: Grade,
  now: Date,
) {
  const touched =
    attempt.kind === "QUIZ" && attempt.noteSlug
      ? new Map([[attempt.noteSlug, graded.score.correct === graded.score.total]])
      : reviewOutcomeByNote(
          graded.results.map((r, i) => ({ noteSlug: stored[i].noteSlug, correct: r.correct })),
        );
  for (const [noteSlug, allCorrect] of touched) {
    // Upsert first, so that the row exists; the attempt counter then increments in the database
    // rather than from what was read, so two attempts submitted at once both count.
    const before = await tx.noteProgress.upsert({
      where: { userId_noteSlug: { userId, noteSlug } },
      create: { userId, noteSlug, lastActiveAt: now },
      update: { lastActiveAt: now },
    });
    const standing: NoteStanding =
      attempt.kind === "QUIZ"
        ? levelAfterQuiz(before, graded.score, now)
        : levelAfterReview(before, allCorrect, now);
    const percent = scorePercent(graded.score);
    await tx.noteProgress.update({
      where: { userId_noteSlug: { userId, noteSlug } },
      data:
        attempt.kind === "QUIZ"
          ? {
              ...standing,
              attempts: { increment: 1 },
              lastScore: percent,
              bestScore: Math.max(percent, before.bestScore ?? 0),
            }
          : standing,
    });
    if (standing.level !== before.level) {
      await tx.masteryEvent.create({ data: { userId, noteSlug, level: standing.level, at: now } });
    }
  }
}
