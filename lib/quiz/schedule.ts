import { createEmptyCard, fsrs, Rating, type Card, type Grade } from "ts-fsrs";

const scheduler = fsrs({ enable_fuzz: false });

/** An answer a learner took longer than this over counts as hard-won, even when right. */
export const SLOW_ANSWER_MS = 20_000;

export type ReviewState = Pick<
  Card,
  | "due"
  | "stability"
  | "difficulty"
  | "elapsed_days"
  | "scheduled_days"
  | "learning_steps"
  | "reps"
  | "lapses"
  | "state"
  | "last_review"
>;

export function newReviewState(now: Date): ReviewState {
  return createEmptyCard(now);
}

export function ratingFor(correct: boolean, answerMs?: number): Grade {
  if (!correct) return Rating.Again;
  return answerMs !== undefined && answerMs > SLOW_ANSWER_MS ? Rating.Hard : Rating.Good;
}

/**
 * The card after one answer. FSRS schedules a lapse a few minutes out; a wrong answer here is due at
 * once instead, so that /review brings it back straight after the quiz.
 */
export function scheduleReview(
  state: ReviewState,
  correct: boolean,
  now: Date,
  answerMs?: number,
): ReviewState {
  const { card } = scheduler.next(
    { ...state, last_review: state.last_review ?? undefined } as Card,
    now,
    ratingFor(correct, answerMs),
  );
  return correct ? card : { ...card, due: now };
}
