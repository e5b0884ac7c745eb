import { createEmptyCard, fsrs, Rating, type Card, type FSRS, type Grade } from "ts-fsrs";
import { DESIRED_RETENTION } from "./retention";

const schedulers = new Map<number, FSRS>();

/** One scheduler per retention, built once: a team's setting takes few distinct values. */
function schedulerFor(retention: number): FSRS {
  let scheduler = schedulers.get(retention);
  if (!scheduler) {
    scheduler = fsrs({ enable_fuzz: false, request_retention: retention });
    schedulers.set(retention, scheduler);
  }
  return scheduler;
}

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

export interface ReviewAnswer {
  correct: boolean;
  /** How sure the learner said they were; null when they did not say. */
  confidence: "sure" | "unsure" | null;
  answerMs?: number;
  now: Date;
}

/**
 * The FSRS rating of an answer. Wrong is Again. Right and sure is Easy, right and unsure is Hard;
 * without a stated confidence, right is Good, or Hard when it took the learner a long time.
 */
export function ratingFor({ correct, confidence, answerMs }: Omit<ReviewAnswer, "now">): Grade {
  if (!correct) return Rating.Again;
  if (confidence === "sure") return Rating.Easy;
  if (confidence === "unsure") return Rating.Hard;
  return answerMs !== undefined && answerMs > SLOW_ANSWER_MS ? Rating.Hard : Rating.Good;
}

/**
 * The card after one answer, scheduled for the learner's desired retention. FSRS schedules a lapse a
 * few minutes out; a wrong answer here is due at once instead, so that /review brings it back
 * straight after the quiz. An answer timed before the card's last review (another instance's clock
 * a little behind, a test clock) counts as given at that review: FSRS refuses a negative interval,
 * which across midnight is a whole day.
 */
export function scheduleReview(
  state: ReviewState,
  answer: ReviewAnswer,
  retention: number = DESIRED_RETENTION.default,
): ReviewState {
  const at = state.last_review && answer.now < state.last_review ? state.last_review : answer.now;
  const { card } = schedulerFor(retention).next(
    { ...state, last_review: state.last_review ?? undefined } as Card,
    at,
    ratingFor(answer),
  );
  return answer.correct ? card : { ...card, due: at };
}
