// The learner the "learners served" figure simulates, and the arithmetic of an open model around it.
// Pure: no database, no HTTP. bench/learners.ts plays these journeys against the app.
import type { Owner } from "@/lib/content/types";
import { OWNERS } from "@/lib/content/types";

/** Think time between two steps: Moodle's published quiz load test waits 30–90 s per question. */
export const THINK_MS = { min: 30_000, max: 90_000 } as const;
/** How often a simulated learner gets an item right, as bench/population.ts's answerLike does. */
export const RIGHT_RATE = 0.7;

/**
 * The steps of one session, each fired one think time after the previous one ends:
 * - arrive: signs in (next-auth's real credentials sign-in) and opens the lesson;
 * - start: starts the lesson's quiz;
 * - answer: places one card, autosaved (one per item);
 * - submit: submits the quiz;
 * - progress: opens /progress;
 * - review: starts a review of the items now due (those answered wrong): none due ends the session;
 * - reviewAnswer, reviewSubmit: as answer and submit, for the review.
 */
export type StepKind =
  | "arrive"
  | "start"
  | "answer"
  | "submit"
  | "progress"
  | "review"
  | "reviewAnswer"
  | "reviewSubmit";

export interface QuizNote {
  slug: string;
  items: number;
}

export interface Journey {
  slug: string;
  /** Whether the learner gets the quiz's i-th card (in the order the attempt shows) right. */
  quizRight: boolean[];
  /** The same for the review's cards; as long as the longest review, only the first ones may be used. */
  reviewRight: boolean[];
  /** Review cards expected: the wrong answers, up to a review batch. The app decides the real count. */
  reviewItems: number;
  /** thinks[i] is the pause before step i + 1; as long as the longest possible session needs. */
  thinks: number[];
}

export function journeySteps(quizItems: number, reviewItems: number): StepKind[] {
  return [
    "arrive",
    "start",
    ...Array<StepKind>(quizItems).fill("answer"),
    "submit",
    "progress",
    "review",
    ...(reviewItems > 0
      ? [...Array<StepKind>(reviewItems).fill("reviewAnswer"), "reviewSubmit" as const]
      : []),
  ];
}

/** When each step fires, in ms from the learner's arrival. */
export function stepTimes(journey: Journey, steps = plannedSteps(journey)): number[] {
  const at = [0];
  for (let i = 1; i < steps.length; i++) at.push(at[i - 1] + journey.thinks[i - 1]);
  return at;
}

export function plannedSteps(journey: Journey): StepKind[] {
  return journeySteps(journey.quizRight.length, journey.reviewItems);
}

/** A session lasts from the arrival to its last step. */
export function sessionMs(journey: Journey): number {
  return stepTimes(journey).at(-1) ?? 0;
}

/** One learner's session: a quiz note picked at random, answers right RIGHT_RATE of the time. */
export function planJourney(quizzes: QuizNote[], reviewBatch: number, rng: () => number): Journey {
  const note = quizzes[Math.floor(rng() * quizzes.length)];
  const quizRight = Array.from({ length: note.items }, () => rng() < RIGHT_RATE);
  const reviewRight = Array.from({ length: reviewBatch }, () => rng() < RIGHT_RATE);
  const longest = journeySteps(note.items, reviewBatch).length - 1;
  const thinks = Array.from(
    { length: longest },
    () => THINK_MS.min + rng() * (THINK_MS.max - THINK_MS.min),
  );
  const wrong = quizRight.filter((right) => !right).length;
  return {
    slug: note.slug,
    quizRight,
    reviewRight,
    reviewItems: Math.min(reviewBatch, wrong),
    thinks,
  };
}

/** The card a learner places: the owner when right, otherwise one of the two wrong ones. */
export function choiceFor(owner: Owner, right: boolean, position: number): Owner {
  if (right) return owner;
  const wrong = OWNERS.filter((o) => o !== owner);
  return wrong[position % wrong.length];
}

/** The mean session length, estimated from many sessions (Little's law needs it: rate = N / mean). */
export function meanSessionMs(plan: () => Journey, samples = 20_000): number {
  let total = 0;
  for (let i = 0; i < samples; i++) total += sessionMs(plan());
  return total / samples;
}

/** The longest session the plan can make: every think at its maximum, the longest quiz and review. */
export function longestSessionMs(quizzes: QuizNote[], reviewBatch: number): number {
  const items = Math.max(...quizzes.map((q) => q.items));
  return (journeySteps(items, reviewBatch).length - 1) * THINK_MS.max;
}

/**
 * A learner caught in the middle of a session at a random moment of the steady state. Sessions in
 * progress at a given moment are length-biased (a session twice as long is twice as likely to be
 * under way), and the moment falls uniformly within the session: rejection sampling gives both.
 */
export function sampleInFlight(
  plan: () => Journey,
  longestMs: number,
  rng: () => number,
): { journey: Journey; elapsedMs: number } {
  for (;;) {
    const journey = plan();
    const length = sessionMs(journey);
    if (rng() * longestMs < length) return { journey, elapsedMs: rng() * length };
  }
}

/** Arrival moments of a Poisson process at `perMs` over [0, durationMs). */
export function poissonArrivals(perMs: number, durationMs: number, rng: () => number): number[] {
  const times: number[] = [];
  for (let t = -Math.log(1 - rng()) / perMs; t < durationMs; t += -Math.log(1 - rng()) / perMs)
    times.push(t);
  return times;
}
