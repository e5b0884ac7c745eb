import type { Attempt, AttemptResult, AttemptReview, WithheldGrade } from "@/lib/contracts/quiz";
import type { Grade } from "@/lib/quiz/grade";

/** An assignment's review option, with the due date of the learner who took the attempt. */
export interface ReviewRule {
  reviewAnswers: "IMMEDIATELY" | "AFTER_DUE" | "NEVER";
  /** The learner's own due date: their extension's when they have one. */
  dueAt: Date;
}

/**
 * Whether an attempt's right answers and explanations are shown at `now`. `rule` is null for an
 * attempt that no assignment started: those always show them.
 */
export function answersShown(rule: ReviewRule | null, now: Date): AttemptReview {
  switch (rule?.reviewAnswers) {
    case undefined:
    case "IMMEDIATELY":
      return { answersShown: true, shownFrom: null };
    case "AFTER_DUE":
      return { answersShown: now >= rule.dueAt, shownFrom: rule.dueAt.toISOString() };
    case "NEVER":
      return { answersShown: false, shownFrom: null };
  }
}

/**
 * Until when the FSRS reviews of a test's items are held back: a review shows its answers, so while
 * the test's own answers are withheld, its items must not come up in /review. They come back once
 * the learner's due date has passed, under either option: "never" keeps the test's results silent,
 * and the learner then goes on learning the material in their own reviews. Null: no hold.
 */
export function reviewsHeldUntil(rule: ReviewRule | null, now: Date): Date | null {
  if (!rule || rule.reviewAnswers === "IMMEDIATELY") return null;
  return now < rule.dueAt ? rule.dueAt : null;
}

/**
 * A grade as the learner may see it: whole once the answers are shown; else the score and their own
 * answers, with nothing that tells which were right.
 */
export function gradeAsShown(grade: Grade, review: AttemptReview): AttemptResult {
  if (review.answersShown) return { ...grade, review: { ...review, answersShown: true } };
  return {
    score: grade.score,
    results: grade.results.map(({ itemId, choice, option, confidence }) => ({
      itemId,
      choice,
      option,
      confidence,
    })),
    review: { ...review, answersShown: false },
  };
}

/** Whether a grade comes without its answers: what every results page asks first. */
export function isWithheld(grade: AttemptResult): grade is WithheldGrade {
  return !grade.review.answersShown;
}

/** An attempt with its whole grade, before the review options cut it. */
export type WholeAttempt = Omit<Attempt, "result"> & { result: Grade | null };

/**
 * A submitted attempt as the learner may see it: while the answers are withheld, the scores by
 * section, note and kind go too, since a small slice can give away which answers were right.
 */
export function attemptAsShown(attempt: WholeAttempt, review: AttemptReview): Attempt {
  if (!attempt.result) return { ...attempt, result: null };
  const result = gradeAsShown(attempt.result, review);
  if (result.review.answersShown) return { ...attempt, result };
  return { ...attempt, result, sections: null, byNote: null, byKind: null };
}

/** A change of a note's mastery level, as MasteryEvent records it. */
export interface LevelChange {
  at: Date;
  level: number;
}

/**
 * A note's mastery level as its learner may see it. A practice test moves the level of each note it
 * asks by whether all of that note's items were right, which is what the withheld scores by note
 * would say; so while a test's answers are withheld, its changes are left out: the level is the one
 * the last other change set (0 before any). `changes` are in time order, `hidden` holds the moments
 * the note's withheld attempts were submitted at (their changes are recorded at that moment). With
 * no hidden change, the stored level stands.
 */
export function levelAsShown(
  stored: number,
  changes: ReadonlyArray<LevelChange>,
  hidden: ReadonlySet<number> | undefined,
): number {
  if (!hidden || !changes.some((c) => hidden.has(c.at.getTime()))) return stored;
  return changes.filter((c) => !hidden.has(c.at.getTime())).at(-1)?.level ?? 0;
}
