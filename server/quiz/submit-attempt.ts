import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import { lessonHref } from "@/lib/content/build-library";
import type { Owner } from "@/lib/content/types";
import { gradeAnswers, type Grade } from "@/lib/quiz/grade";
import { levelAfterQuiz, levelAfterReview } from "@/lib/quiz/mastery";
import { newReviewState, scheduleReview, type ReviewState } from "@/lib/quiz/schedule";
import type { AnswerInput } from "@/lib/validation/quiz";
import type { Db } from "@/server/db/client";
import { HttpError, notFound } from "@/server/http/errors";
import { addToTeamItemStats, type ItemCounts } from "@/server/teams/team-item-stats";

type Tx = Prisma.TransactionClient;

interface StoredAnswer {
  itemId: string;
  choice: Owner | null;
  answerMs: number | null;
  noteSlug: string;
  owner: Owner;
  explanation: string;
  anchor: string;
}

async function readAnswers(db: Pick<Db, "answer">, attemptId: string): Promise<StoredAnswer[]> {
  const rows = await db.answer.findMany({
    where: { attemptId },
    orderBy: { position: "asc" },
    select: { itemId: true, choice: true, answerMs: true, item: { select: { noteSlug: true } }, itemVersion: { select: { owner: true, detail: true, anchor: true } } },
  });
  return rows.map((r) => ({
    itemId: r.itemId,
    choice: r.choice,
    answerMs: r.answerMs,
    noteSlug: r.item.noteSlug,
    owner: r.itemVersion.owner,
    explanation: r.itemVersion.detail,
    anchor: r.itemVersion.anchor,
  }));
}

/** Grades stored answers against the item versions they were pinned to. */
function grade(answers: StoredAnswer[]): Grade {
  return gradeAnswers(
    answers.map((a) => ({ itemId: a.itemId, owner: a.owner, explanation: a.explanation, lessonHref: lessonHref(a.noteSlug, a.anchor) })),
    new Map(answers.map((a) => [a.itemId, a.choice])),
  );
}

class AlreadySubmitted extends Error {}

/**
 * Submits an attempt: merges any last answers, grades on the server, and records the grade, the
 * FSRS cards, the learner's note progress and the team aggregates in one transaction. Submitting
 * again, even at the same moment, records nothing new and returns the recorded grade.
 */
export async function submitAttempt(db: Db, userId: string, attemptId: string, answers: AnswerInput[] = [], now = new Date()) {
  try {
    return await db.$transaction(async (tx) => {
      const attempt = await tx.attempt.findUnique({ where: { id: attemptId }, select: { userId: true, status: true, kind: true, noteSlug: true } });
      if (!attempt || attempt.userId !== userId) throw notFound("Attempt");
      if (attempt.status === "SUBMITTED") throw new AlreadySubmitted();
      // Claim the attempt before reading its answers: the conditional update takes the row lock, so
      // of two concurrent submits exactly one proceeds, and a racing autosave waits, then finds it closed.
      const claim = await tx.attempt.updateMany({ where: { id: attemptId, status: "IN_PROGRESS" }, data: { status: "SUBMITTED", submittedAt: now } });
      if (claim.count === 0) throw new AlreadySubmitted();

      const stored = mergeAnswers(await readAnswers(tx, attemptId), answers);
      const graded = grade(stored);
      await writeGradedAnswers(tx, attemptId, stored, answers, graded, now);
      await tx.attempt.update({ where: { id: attemptId }, data: { correct: graded.score.correct, total: graded.score.total } });
      await recordCards(tx, userId, stored, graded, now);
      await recordNoteProgress(tx, userId, attempt.kind, attempt.noteSlug, stored, graded, now);
      await tx.user.update({ where: { id: userId }, data: { lastActiveAt: now } });
      return { score: graded.score, results: graded.results };
    });
  } catch (error) {
    if (!(error instanceof AlreadySubmitted)) throw error;
    const graded = grade(await readAnswers(db, attemptId));
    return { score: graded.score, results: graded.results };
  }
}

/** The stored answers with the submitted ones laid over them; an item not in the attempt is a 422. */
function mergeAnswers(stored: StoredAnswer[], answers: AnswerInput[]): StoredAnswer[] {
  const byItem = new Map(stored.map((a) => [a.itemId, a]));
  const fields: Record<string, string[]> = {};
  answers.forEach((answer, i) => {
    if (!byItem.has(answer.itemId)) fields[`answers.${i}.itemId`] = [`Item ${answer.itemId} is not part of this attempt`];
  });
  if (Object.keys(fields).length > 0) throw new HttpError(422, "validation_failed", "Some answers name items that are not in this attempt.", fields);
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
async function writeGradedAnswers(tx: Tx, attemptId: string, stored: StoredAnswer[], submitted: AnswerInput[], graded: Grade, now: Date) {
  const changed = new Set(submitted.map((a) => a.itemId));
  const groups = new Map<string, { choice: Owner | null; correct: boolean; answeredAt: boolean; ids: string[] }>();
  graded.results.forEach((result, i) => {
    const answeredNow = changed.has(result.itemId) && result.choice !== null;
    const key = `${result.choice}|${result.correct}|${answeredNow}`;
    const group = groups.get(key) ?? { choice: result.choice, correct: result.correct, answeredAt: answeredNow, ids: [] };
    group.ids.push(stored[i].itemId);
    groups.set(key, group);
  });
  for (const group of groups.values()) {
    await tx.answer.updateMany({
      where: { attemptId, itemId: { in: group.ids } },
      data: { choice: group.choice, correct: group.correct, ...(group.answeredAt ? { answeredAt: now } : {}) },
    });
  }
  // Timings come with autosaves; only a timing sent with the submit itself is written here.
  for (const answer of submitted) {
    if (answer.ms !== undefined) await tx.answer.update({ where: { attemptId_itemId: { attemptId, itemId: answer.itemId } }, data: { answerMs: answer.ms } });
  }
}

const CARD_COLUMNS = Prisma.raw(
  `"userId", "itemId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview", "attempts", "correctCount", "wrongAws", "wrongCustomer", "wrongShared", "lastCorrect"`,
);

/**
 * Schedules every answered item's FSRS card and bumps its answer counters, in one multi-row upsert,
 * then adds the same counts to the aggregates of every team the learner belongs to.
 */
async function recordCards(tx: Tx, userId: string, stored: StoredAnswer[], graded: Grade, now: Date) {
  const existing = new Map(
    (await tx.reviewCard.findMany({ where: { userId, itemId: { in: graded.results.map((r) => r.itemId) } } })).map((c) => [c.itemId, c]),
  );
  const counts: ItemCounts[] = [];
  const rows = graded.results.map((result, i) => {
    const card = existing.get(result.itemId);
    const before: ReviewState = card
      ? { due: card.due, stability: card.stability, difficulty: card.difficulty, elapsed_days: card.elapsedDays, scheduled_days: card.scheduledDays, learning_steps: card.learningSteps, reps: card.reps, lapses: card.lapses, state: card.state, last_review: card.lastReview ?? undefined }
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
    return Prisma.sql`(${userId}, ${result.itemId}, ${after.due}, ${after.stability}, ${after.difficulty}, ${after.elapsed_days}, ${after.scheduled_days}, ${after.learning_steps}, ${after.reps}, ${after.lapses}, ${after.state}, ${after.last_review ?? null}, 1, ${count.correct}, ${count.wrongAws}, ${count.wrongCustomer}, ${count.wrongShared}, ${result.correct})`;
  });
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "ReviewCard" (${CARD_COLUMNS}) VALUES ${Prisma.join(rows)}
    ON CONFLICT ("userId", "itemId") DO UPDATE SET
      "due" = excluded."due", "stability" = excluded."stability", "difficulty" = excluded."difficulty",
      "elapsedDays" = excluded."elapsedDays", "scheduledDays" = excluded."scheduledDays", "learningSteps" = excluded."learningSteps",
      "reps" = excluded."reps", "lapses" = excluded."lapses", "state" = excluded."state", "lastReview" = excluded."lastReview",
      "attempts" = "ReviewCard"."attempts" + 1,
      "correctCount" = "ReviewCard"."correctCount" + excluded."correctCount",
      "wrongAws" = "ReviewCard"."wrongAws" + excluded."wrongAws",
      "wrongCustomer" = "ReviewCard"."wrongCustomer" + excluded."wrongCustomer",
      "wrongShared" = "ReviewCard"."wrongShared" + excluded."wrongShared",
      "lastCorrect" = excluded."lastCorrect"`;
  await addToTeamItemStats(tx, userId, counts);
}

async function recordNoteProgress(tx: Tx, userId: string, kind: "QUIZ" | "REVIEW", noteSlug: string | null, stored: StoredAnswer[], graded: Grade, now: Date) {
  // Each note the attempt touched, and whether all of its items were right.
  const allCorrect = new Map<string, boolean>();
  graded.results.forEach((result, i) => {
    const slug = kind === "QUIZ" && noteSlug ? noteSlug : stored[i].noteSlug;
    allCorrect.set(slug, (allCorrect.get(slug) ?? true) && result.correct);
  });
  for (const [slug, correct] of allCorrect) {
    // Upsert first: it creates the row if need be and, on PostgreSQL, locks it, so that two attempts
    // submitted at once by one learner on one note cannot both read the same "before".
    const key = { userId_noteSlug: { userId, noteSlug: slug } };
    const before = await tx.noteProgress.upsert({ where: key, create: { userId, noteSlug: slug, lastActiveAt: now }, update: { lastActiveAt: now } });
    const beforeStanding = { level: before.level, proficientAt: before.proficientAt };
    let data: { level: number; proficientAt: Date | null; attempts?: number; lastScore?: number; bestScore?: number };
    if (kind === "QUIZ") {
      const percent = graded.score.total ? Math.round((graded.score.correct / graded.score.total) * 1000) / 10 : 0;
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
