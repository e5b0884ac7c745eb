import "server-only";
import type { StartedAttempt } from "@/lib/contracts/quiz";
import type { Db } from "@/server/db/client";
import { askEachControlOnce } from "@/lib/quiz/fair-draw";
import { notFound } from "@/server/http/errors";
import { findOpenQuizAttempt } from "./find-quiz-attempt";
import { toQuizItem } from "./quiz-items";

/**
 * Creates an attempt with one unanswered answer row per item, in the order given, each pinned to the
 * item's current version, so that grading uses the wording the learner saw.
 */
export async function createAttempt(
  db: Db,
  attempt: {
    userId: string;
    kind: "QUIZ" | "REVIEW" | "PRACTICE";
    noteSlug?: string;
    expiresAt?: Date;
    /** A practice test's settings, as JSON. */
    practice?: string;
    /** The assignment a practice test is taken for, and which of the learner's attempts it is. */
    assignmentId?: string;
    assignmentAttempt?: number;
  },
  items: ReadonlyArray<{ id: string; currentVersionId: string }>,
): Promise<string> {
  const { id } = await db.attempt.create({
    data: {
      ...attempt,
      total: items.length,
      answers: {
        createMany: {
          data: items.map((item, position) => ({
            itemId: item.id,
            itemVersionId: item.currentVersionId,
            position,
          })),
        },
      },
    },
    select: { id: true },
  });
  return id;
}

export function shuffled<T>(values: T[]): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Starts a quiz attempt on a note, with its current items in a shuffled order. Each Shared control
 * is asked one way (fair-draw.ts): by its owner in the learner's first attempt at the note, by its
 * halves in the second, and so on by turns, unless `askHalves` says otherwise.
 */
export async function startQuizAttempt(
  db: Db,
  userId: string,
  slug: string,
  askHalves?: (control: string) => boolean,
): Promise<StartedAttempt> {
  const items = await db.item.findMany({
    where: { noteSlug: slug, retiredAt: null, note: { retiredAt: null } },
  });
  if (items.length === 0) throw notFound("Quiz");
  const earlier = await db.attempt.count({ where: { userId, kind: "QUIZ", noteSlug: slug } });
  const byTurns = () => earlier % 2 === 1;
  const order = shuffled(askEachControlOnce(items, askHalves ?? byTurns));
  const attemptId = await createAttempt(db, { userId, kind: "QUIZ", noteSlug: slug }, order);
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
