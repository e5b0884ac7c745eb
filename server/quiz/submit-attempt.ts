import "server-only";
import { randomUUID } from "node:crypto";
import { lessonHref } from "@/lib/content/build-library";
import { OWNERS, type Owner } from "@/lib/content/types";
import { gradeAnswers, type Grade } from "@/lib/quiz/grade";
import { levelAfterQuiz, levelAfterReview } from "@/lib/quiz/mastery";
import { newReviewState, scheduleReview, type ReviewState } from "@/lib/quiz/schedule";
import type { AnswerInput } from "@/lib/validation/quiz";
import { driverOf, type Db } from "@/server/db/client";
import { join, raw, sql, type Queryable } from "@/server/db/driver";
import { notFound } from "@/server/http/errors";
import { addToTeamItemStats, type ItemCounts } from "@/server/teams/team-item-stats";
import { assertKnownItems } from "./save-answers";

interface StoredAnswer {
  itemId: string;
  choice: Owner | null;
  answerMs: number | null;
  noteSlug: string;
  owner: Owner;
  explanation: string;
  anchor: string;
}

// The submit path runs on every graded attempt, so it runs on the database driver rather than through
// Prisma, whose per-statement work was most of a submit's cost (see server/db/driver.ts and README,
// "Performance"). Both databases accept every statement.
async function readAnswers(db: Queryable, attemptId: string): Promise<StoredAnswer[]> {
  return db.query<StoredAnswer>(sql`
    SELECT a."itemId", a."choice", a."answerMs", i."noteSlug", v."owner", v."detail" AS "explanation", v."anchor"
    FROM "Answer" a
    JOIN "Item" i ON i."id" = a."itemId"
    JOIN "ItemVersion" v ON v."id" = a."itemVersionId"
    WHERE a."attemptId" = ${attemptId}
    ORDER BY a."position"`);
}

/** Grades stored answers against the item versions they were pinned to. */
function grade(answers: StoredAnswer[]): Grade {
  return gradeAnswers(
    answers.map((a) => ({
      itemId: a.itemId,
      owner: a.owner,
      explanation: a.explanation,
      lessonHref: lessonHref(a.noteSlug, a.anchor),
    })),
    new Map(answers.map((a) => [a.itemId, a.choice])),
  );
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
  const driver = driverOf(db);
  try {
    return await driver.transaction(async (tx) => {
      // Claim the attempt before reading its answers: the conditional update takes the row lock, so
      // of two concurrent submits exactly one proceeds, and a racing autosave waits, then finds it closed.
      const [attempt] = await tx.query<{ kind: "QUIZ" | "REVIEW"; noteSlug: string | null }>(sql`
        UPDATE "Attempt" SET "status" = 'SUBMITTED', "submittedAt" = ${now}, "updatedAt" = ${now}
        WHERE "id" = ${attemptId} AND "userId" = ${userId} AND "status" = 'IN_PROGRESS'
        RETURNING "kind", "noteSlug"`);
      if (!attempt) {
        const [existing] = await tx.query<{ userId: string }>(
          sql`SELECT "userId" FROM "Attempt" WHERE "id" = ${attemptId}`,
        );
        if (!existing || existing.userId !== userId) throw notFound("Attempt");
        throw new AlreadySubmitted();
      }

      const stored = mergeAnswers(await readAnswers(tx, attemptId), answers);
      const graded = grade(stored);
      await writeGradedAnswers(tx, attemptId, stored, answers, graded, now);
      await tx.execute(
        sql`UPDATE "Attempt" SET "correct" = ${graded.score.correct}, "total" = ${graded.score.total} WHERE "id" = ${attemptId}`,
      );
      await recordCards(tx, userId, stored, graded, now);
      await recordNoteProgress(tx, userId, attempt.kind, attempt.noteSlug, stored, graded, now);
      await tx.execute(sql`UPDATE "User" SET "lastActiveAt" = ${now} WHERE "id" = ${userId}`);
      return { score: graded.score, results: graded.results };
    });
  } catch (error) {
    if (!(error instanceof AlreadySubmitted)) throw error;
    const graded = grade(await readAnswers(driver, attemptId));
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
  tx: Queryable,
  attemptId: string,
  stored: StoredAnswer[],
  submitted: AnswerInput[],
  graded: Grade,
  now: Date,
) {
  const changed = new Set(submitted.map((a) => a.itemId));
  const groups = new Map<
    string,
    { choice: Owner | null; correct: boolean; answeredAt: boolean; ids: string[] }
  >();
  graded.results.forEach((result, i) => {
    const answeredNow = changed.has(result.itemId) && result.choice !== null;
    const key = `${result.choice}|${result.correct}|${answeredNow}`;
    const group = groups.get(key) ?? {
      choice: result.choice,
      correct: result.correct,
      answeredAt: answeredNow,
      ids: [],
    };
    group.ids.push(stored[i].itemId);
    groups.set(key, group);
  });
  for (const group of groups.values()) {
    // The owner is one of three fixed words, inlined so that PostgreSQL reads it as its enum type.
    const choice = raw(
      group.choice === null ? "NULL" : `'${OWNERS.find((o) => o === group.choice)}'`,
    );
    await tx.execute(sql`
      UPDATE "Answer" SET "choice" = ${choice}, "correct" = ${group.correct}${group.answeredAt ? sql`, "answeredAt" = ${now}` : raw("")}
      WHERE "attemptId" = ${attemptId} AND "itemId" IN (${join(group.ids.map((id) => sql`${id}`))})`);
  }
  // Timings come with autosaves; only a timing sent with the submit itself is written here.
  for (const answer of submitted) {
    if (answer.ms !== undefined)
      await tx.execute(
        sql`UPDATE "Answer" SET "answerMs" = ${answer.ms} WHERE "attemptId" = ${attemptId} AND "itemId" = ${answer.itemId}`,
      );
  }
}

interface ReviewCardRow {
  itemId: string;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
}

const CARD_COLUMNS = raw(
  `"userId", "itemId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview", "attempts", "correctCount", "wrongAws", "wrongCustomer", "wrongShared", "lastCorrect"`,
);

/**
 * Schedules every answered item's FSRS card and bumps its answer counters, in one multi-row upsert,
 * then adds the same counts to the aggregates of every team the learner belongs to.
 */
async function recordCards(
  tx: Queryable,
  userId: string,
  stored: StoredAnswer[],
  graded: Grade,
  now: Date,
) {
  if (graded.results.length === 0) return;
  const cards = await tx.query<ReviewCardRow>(sql`
    SELECT "itemId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview"
    FROM "ReviewCard" WHERE "userId" = ${userId} AND "itemId" IN (${join(graded.results.map((r) => sql`${r.itemId}`))})`);
  const existing = new Map(cards.map((c) => [c.itemId, c]));
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
    return sql`(${userId}, ${result.itemId}, ${after.due}, ${after.stability}, ${after.difficulty}, ${after.elapsed_days}, ${after.scheduled_days}, ${after.learning_steps}, ${after.reps}, ${after.lapses}, ${after.state}, ${after.last_review ?? null}, 1, ${count.correct}, ${count.wrongAws}, ${count.wrongCustomer}, ${count.wrongShared}, ${result.correct})`;
  });
  await tx.execute(sql`
    INSERT INTO "ReviewCard" (${CARD_COLUMNS}) VALUES ${join(rows)}
    ON CONFLICT ("userId", "itemId") DO UPDATE SET
      "due" = excluded."due", "stability" = excluded."stability", "difficulty" = excluded."difficulty",
      "elapsedDays" = excluded."elapsedDays", "scheduledDays" = excluded."scheduledDays", "learningSteps" = excluded."learningSteps",
      "reps" = excluded."reps", "lapses" = excluded."lapses", "state" = excluded."state", "lastReview" = excluded."lastReview",
      "attempts" = "ReviewCard"."attempts" + 1,
      "correctCount" = "ReviewCard"."correctCount" + excluded."correctCount",
      "wrongAws" = "ReviewCard"."wrongAws" + excluded."wrongAws",
      "wrongCustomer" = "ReviewCard"."wrongCustomer" + excluded."wrongCustomer",
      "wrongShared" = "ReviewCard"."wrongShared" + excluded."wrongShared",
      "lastCorrect" = excluded."lastCorrect"`);
  await addToTeamItemStats(tx, userId, counts);
}

async function recordNoteProgress(
  tx: Queryable,
  userId: string,
  kind: "QUIZ" | "REVIEW",
  noteSlug: string | null,
  stored: StoredAnswer[],
  graded: Grade,
  now: Date,
) {
  // Each note the attempt touched, and whether all of its items were right.
  const allCorrect = new Map<string, boolean>();
  graded.results.forEach((result, i) => {
    const slug = kind === "QUIZ" && noteSlug ? noteSlug : stored[i].noteSlug;
    allCorrect.set(slug, (allCorrect.get(slug) ?? true) && result.correct);
  });
  for (const [slug, correct] of allCorrect) {
    // Upsert first: it creates the row if need be and, on PostgreSQL, locks it, so that two attempts
    // submitted at once by one learner on one note cannot both read the same "before".
    const [before] = await tx.query<{
      level: number;
      proficientAt: Date | null;
      attempts: number;
      bestScore: number | null;
    }>(sql`
      INSERT INTO "NoteProgress" ("userId", "noteSlug", "attempts", "level", "lastActiveAt") VALUES (${userId}, ${slug}, 0, 0, ${now})
      ON CONFLICT ("userId", "noteSlug") DO UPDATE SET "lastActiveAt" = excluded."lastActiveAt"
      RETURNING "level", "proficientAt", "attempts", "bestScore"`);
    const beforeStanding = { level: before.level, proficientAt: before.proficientAt };
    let level: number;
    if (kind === "QUIZ") {
      const percent = graded.score.total
        ? Math.round((graded.score.correct / graded.score.total) * 1000) / 10
        : 0;
      const standing = levelAfterQuiz(percent / 100, now);
      // A perfect retake of a mastered note keeps it mastered; anything less is judged afresh.
      level =
        standing.proficientAt !== null && beforeStanding.level > standing.level
          ? beforeStanding.level
          : standing.level;
      const proficientAt = standing.proficientAt
        ? (beforeStanding.proficientAt ?? standing.proficientAt)
        : null;
      await tx.execute(sql`
        UPDATE "NoteProgress" SET "level" = ${level}, "proficientAt" = ${proficientAt}, "attempts" = ${before.attempts + 1},
          "lastScore" = ${percent}, "bestScore" = ${Math.max(percent, before.bestScore ?? 0)}
        WHERE "userId" = ${userId} AND "noteSlug" = ${slug}`);
    } else {
      const standing = levelAfterReview(beforeStanding, correct, now);
      level = standing.level;
      await tx.execute(sql`
        UPDATE "NoteProgress" SET "level" = ${standing.level}, "proficientAt" = ${standing.proficientAt}
        WHERE "userId" = ${userId} AND "noteSlug" = ${slug}`);
    }
    if (level !== beforeStanding.level) {
      await tx.execute(
        sql`INSERT INTO "MasteryEvent" ("id", "userId", "noteSlug", "level", "at") VALUES (${randomUUID()}, ${userId}, ${slug}, ${level}, ${now})`,
      );
    }
  }
}
