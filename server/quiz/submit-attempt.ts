import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import type { Grade } from "@/lib/quiz/grade";
import {
  levelAfterQuiz,
  levelAfterReview,
  levelName,
  reviewOutcomeByNote,
  type NoteStanding,
} from "@/lib/quiz/mastery";
import { reviewsHeldUntil } from "@/lib/quiz/review-options";
import { newReviewState, scheduleReview, type ReviewState } from "@/lib/quiz/schedule";
import { scorePercent } from "@/lib/quiz/score";
import type { AnswerInput } from "@/lib/validation/quiz";
import {
  attemptCompletedStatement,
  itemAnsweredStatement,
  noteMasteredStatement,
} from "@/lib/xapi/statements";
import { recordAssignmentCompletions } from "@/server/assignments/record-completion";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/http/errors";
import { addToTeamItemStats, type ItemCounts } from "@/server/teams/team-item-stats";
import { xapiConfig, type XapiConfig } from "@/server/xapi/config";
import { enqueueStatements, type StatementDraft } from "@/server/xapi/outbox";
import { assignmentRuleSelect, reviewRuleOf } from "./attempt-review";
import { confidenceOf, gradePinnedAnswers, type PinnedAnswer } from "./grade-pinned";
import { readLearnerRetention } from "./read-learner-retention";
import { answerColumns, assertAnswersFit } from "./save-answers";
import { transaction } from "@/server/db/transaction";

type Tx = Prisma.TransactionClient;

interface StoredAnswer extends PinnedAnswer {
  itemVersionId: string;
  answerMs: number | null;
  prompt: string;
}

/** An attempt's answers in the order shown, each with the item version it was pinned to. */
async function readAnswers(db: Tx | Db, attemptId: string): Promise<StoredAnswer[]> {
  const rows = await db.answer.findMany({
    where: { attemptId },
    orderBy: { position: "asc" },
    select: {
      itemId: true,
      itemVersionId: true,
      choice: true,
      option: true,
      confidence: true,
      answerMs: true,
      item: { select: { noteSlug: true } },
      itemVersion: {
        select: {
          owner: true,
          answerKey: true,
          spec: true,
          detail: true,
          sourceTitle: true,
          sourceUrl: true,
          anchor: true,
          prompt: true,
        },
      },
    },
  });
  return rows.map((row) => ({
    itemId: row.itemId,
    itemVersionId: row.itemVersionId,
    choice: row.choice,
    option: row.option,
    confidence: confidenceOf(row.confidence),
    answerMs: row.answerMs,
    noteSlug: row.item.noteSlug,
    owner: row.itemVersion.owner,
    answerKey: row.itemVersion.answerKey,
    spec: row.itemVersion.spec,
    explanation: row.itemVersion.detail,
    sourceTitle: row.itemVersion.sourceTitle,
    sourceUrl: row.itemVersion.sourceUrl,
    anchor: row.itemVersion.anchor,
    prompt: row.itemVersion.prompt,
  }));
}

/**
 * A timed attempt left open past its deadline is submitted now, with what was saved: the server,
 * not the learner's browser, enforces the time limit.
 */
export async function submitIfExpired(db: Db, userId: string, attemptId: string, now = new Date()) {
  const attempt = await db.attempt.findUnique({
    where: { id: attemptId },
    select: { userId: true, status: true, expiresAt: true },
  });
  if (
    attempt?.userId === userId &&
    attempt.status === "IN_PROGRESS" &&
    attempt.expiresAt &&
    attempt.expiresAt <= now
  ) {
    await submitAttempt(db, userId, attemptId, [], now);
  }
}

/**
 * Submits every timed attempt whose deadline has passed, for attempts nobody opens again: the
 * server's sweep (instrumentation.ts) runs this every minute. Returns how many it submitted.
 */
export async function submitExpiredAttempts(
  db: Db,
  now = new Date(),
  xapi = xapiConfig(),
): Promise<number> {
  const expired = await db.attempt.findMany({
    where: { status: "IN_PROGRESS", expiresAt: { lte: now } },
    select: { id: true, userId: true },
  });
  for (const attempt of expired) await submitAttempt(db, attempt.userId, attempt.id, [], now, xapi);
  return expired.length;
}

class AlreadySubmitted extends Error {}

/**
 * Submits an attempt: merges any last answers, grades on the server, and records the grade, the
 * FSRS cards, the learner's note progress and the team aggregates in one transaction. Submitting
 * again, even at the same moment, records nothing new and returns the recorded grade. A timed
 * attempt submitted after its deadline is graded with what was saved before it, as Moodle does:
 * answers sent with a late submit are ignored. With xAPI on, the statements for the answers, the
 * completion and any note mastered are queued in the same transaction (server/xapi/outbox.ts).
 */
export async function submitAttempt(
  db: Db,
  userId: string,
  attemptId: string,
  answers: AnswerInput[] = [],
  now = new Date(),
  xapi: XapiConfig | null = xapiConfig(),
) {
  try {
    return await transaction(db, async (tx) => {
      // Claim the attempt first: the conditional update takes the row lock, so of two concurrent
      // submits exactly one proceeds, and a racing autosave waits, then finds it closed. Writing
      // first also takes SQLite's write lock at once, where a read first would fail
      // (SQLITE_BUSY_SNAPSHOT) if another app instance wrote in between.
      const claimed = await tx.attempt.updateMany({
        where: { id: attemptId, userId, status: "IN_PROGRESS" },
        data: { status: "SUBMITTED", submittedAt: now, updatedAt: now },
      });
      const existing = await tx.attempt.findUnique({
        where: { id: attemptId },
        select: { userId: true, expiresAt: true },
      });
      if (!existing || existing.userId !== userId) throw notFound("Attempt");
      if (claimed.count === 0) throw new AlreadySubmitted();
      const late = existing.expiresAt !== null && existing.expiresAt <= now;

      const onTime = late ? [] : answers;
      const stored = mergeAnswers(await readAnswers(tx, attemptId), onTime);
      const graded = gradePinnedAnswers(stored);
      await writeGradedAnswers(tx, attemptId, onTime, graded, now);
      const attempt = await tx.attempt.update({
        where: { id: attemptId },
        data: {
          correct: graded.score.correct,
          total: graded.score.total,
          // Past its deadline, it was submitted at the deadline, with what was saved by then.
          ...(late && existing.expiresAt ? { submittedAt: existing.expiresAt } : {}),
        },
        select: {
          kind: true,
          noteSlug: true,
          assignmentId: true,
          assignment: assignmentRuleSelect(userId),
        },
      });
      const heldUntil = reviewsHeldUntil(reviewRuleOf(attempt.assignment), now);
      await recordCards(tx, userId, stored, graded, now, heldUntil);
      // The moment the attempt counts as submitted. Its mastery changes and the assignments it
      // finished are recorded at that same moment, which is how the learner's own views tell them
      // apart while its answers are withheld (server/quiz/withheld-answers.ts).
      const at = late && existing.expiresAt ? existing.expiresAt : now;
      const { noteSlugs, mastered } = await recordNoteProgress(
        tx,
        userId,
        attempt,
        stored,
        graded,
        now,
        at,
      );
      await recordAssignmentCompletions(
        tx,
        userId,
        { assignmentId: attempt.assignmentId, noteSlugs },
        at,
      );
      await tx.user.update({ where: { id: userId }, data: { lastActiveAt: now } });
      await enqueueStatements(
        tx,
        xapi,
        userId,
        attemptStatements(attempt, stored, graded, mastered, at),
        now,
      );
      return { score: graded.score, results: graded.results };
    });
  } catch (error) {
    if (!(error instanceof AlreadySubmitted)) throw error;
    const graded = gradePinnedAnswers(await readAnswers(db, attemptId));
    return { score: graded.score, results: graded.results };
  }
}

/** The xAPI statements of a submitted attempt: one per item answered, its completion, notes mastered. */
function attemptStatements(
  attempt: { kind: "QUIZ" | "REVIEW" | "PRACTICE"; noteSlug: string | null },
  stored: StoredAnswer[],
  graded: Grade,
  mastered: string[],
  at: Date,
): StatementDraft[] {
  const answered = graded.results.map<StatementDraft>(
    (result, i) => (source, id) =>
      itemAnsweredStatement(
        source,
        id,
        {
          itemId: result.itemId,
          prompt: stored[i].prompt,
          response: result.option ?? result.choice,
          expected: result.expectedOption ?? result.expected,
          correct: result.correct,
        },
        attempt,
        at,
      ),
  );
  return [
    ...answered,
    (source, id) => attemptCompletedStatement(source, id, attempt, graded.score, at),
    ...mastered.map<StatementDraft>(
      (noteSlug) => (source, id) => noteMasteredStatement(source, id, noteSlug, at),
    ),
  ];
}

/** The stored answers with the submitted ones laid over them; an answer that does not fit is a 422. */
function mergeAnswers(stored: StoredAnswer[], answers: AnswerInput[]): StoredAnswer[] {
  assertAnswersFit(answers, new Map(stored.map((a) => [a.itemId, a])));
  const submitted = new Map(answers.map((a) => [a.itemId, a]));
  return stored.map((a) => {
    const answer = submitted.get(a.itemId);
    if (!answer) return a;
    return {
      ...a,
      ...(answer.choice !== undefined
        ? { choice: answer.choice }
        : { option: answer.option ?? null }),
      ...(answer.confidence !== undefined ? { confidence: answer.confidence } : {}),
      answerMs: answer.ms ?? a.answerMs,
    };
  });
}

/**
 * Records correctness with one update per outcome rather than one per answer, and writes the
 * answers sent with the submit itself (autosaves wrote the rest).
 */
async function writeGradedAnswers(
  tx: Tx,
  attemptId: string,
  submitted: AnswerInput[],
  graded: Grade,
  now: Date,
) {
  for (const correct of [true, false]) {
    const itemIds = graded.results.filter((r) => r.correct === correct).map((r) => r.itemId);
    if (itemIds.length > 0)
      await tx.answer.updateMany({
        where: { attemptId, itemId: { in: itemIds } },
        data: { correct },
      });
  }
  for (const answer of submitted) {
    await tx.answer.update({
      where: { attemptId_itemId: { attemptId, itemId: answer.itemId } },
      data: answerColumns(answer, now),
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
    "sureWrong",
    "lastCorrect",
    "firstVersionId",
    "firstCorrect",
  ]
    .map((column) => `"${column}"`)
    .join(", "),
);

/**
 * Schedules every answered item's FSRS card, for the retention the learner's teams ask
 * (readLearnerRetention), and bumps its answer counters, then adds the same counts to the aggregates
 * of every team the learner belongs to. The card keeps the first answer to the wording answered: a
 * new wording starts over (both SET expressions read the row as it was). The cards are written in
 * one multi-row upsert whose counters add to what is stored: Prisma's upsert would take one
 * statement per card, and a quiz has dozens. `heldUntil` keeps the cards from falling due while the
 * attempt's answers are withheld (reviewsHeldUntil).
 */
async function recordCards(
  tx: Tx,
  userId: string,
  stored: StoredAnswer[],
  graded: Grade,
  now: Date,
  heldUntil: Date | null,
) {
  if (graded.results.length === 0) return;
  const cards = await tx.reviewCard.findMany({
    where: { userId, itemId: { in: graded.results.map((r) => r.itemId) } },
  });
  const existing = new Map(cards.map((card) => [card.itemId, card]));
  const retention = await readLearnerRetention(tx, userId);
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
    const after = scheduleReview(
      before,
      {
        correct: result.correct,
        confidence: result.confidence,
        answerMs: stored[i].answerMs ?? undefined,
        now,
      },
      retention,
    );
    const wrong = !result.correct && result.choice ? result.choice : null;
    const count: ItemCounts = {
      itemId: result.itemId,
      attempts: 1,
      correct: result.correct ? 1 : 0,
      wrongAws: wrong === "AWS" ? 1 : 0,
      wrongCustomer: wrong === "CUSTOMER" ? 1 : 0,
      wrongShared: wrong === "SHARED" ? 1 : 0,
      sureWrong: !result.correct && result.confidence === "sure" ? 1 : 0,
    };
    counts.push(count);
    return Prisma.sql`(${Prisma.join([
      userId,
      result.itemId,
      heldUntil && after.due < heldUntil ? heldUntil : after.due,
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
      count.sureWrong,
      result.correct,
      stored[i].itemVersionId,
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
      "sureWrong" = "ReviewCard"."sureWrong" + excluded."sureWrong",
      "lastCorrect" = excluded."lastCorrect",
      "firstCorrect" = CASE WHEN "ReviewCard"."firstVersionId" = excluded."firstVersionId"
        THEN "ReviewCard"."firstCorrect" ELSE excluded."firstCorrect" END,
      "firstVersionId" = excluded."firstVersionId"`;
  await addToTeamItemStats(tx, userId, counts);
}

/**
 * Moves the learner's standing on each note the attempt touched, by the rules in lib/quiz/mastery.ts:
 * a quiz by its score; a review or practice test, which mix notes, by whether each note's items were
 * all recalled. Returns the notes it touched, and those it made Mastered. Each change of level is
 * recorded at `at`, the moment the attempt counts as submitted.
 */
async function recordNoteProgress(
  tx: Tx,
  userId: string,
  attempt: { kind: "QUIZ" | "REVIEW" | "PRACTICE"; noteSlug: string | null },
  stored: StoredAnswer[],
  graded: Grade,
  now: Date,
  at: Date,
): Promise<{ noteSlugs: string[]; mastered: string[] }> {
  const mastered: string[] = [];
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
      await tx.masteryEvent.create({ data: { userId, noteSlug, level: standing.level, at } });
      if (levelName(standing.level) === "mastered") mastered.push(noteSlug);
    }
  }
  return { noteSlugs: [...touched.keys()], mastered };
}
