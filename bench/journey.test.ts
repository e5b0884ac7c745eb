import { describe, expect, it } from "vitest";
import {
  journeySteps,
  longestSessionMs,
  meanSessionMs,
  planJourney,
  poissonArrivals,
  sampleInFlight,
  sessionMs,
  THINK_MS,
  type Journey,
} from "./journey";
import { createRng } from "./synthetic-notes";

const quizzes = [
  { slug: "short", items: 6 },
  { slug: "middle", items: 11 },
  { slug: "long", items: 36 },
];
const BATCH = 20;

describe("the simulated learner's session", () => {
  it("answers every card, reviews the wrong ones up to a batch, and thinks 30–90 s between steps", () => {
    const rng = createRng(3);
    for (let i = 0; i < 200; i++) {
      const journey = planJourney(quizzes, BATCH, rng);
      const wrong = journey.quizRight.filter((right) => !right).length;
      expect(journey.reviewItems).toBe(Math.min(BATCH, wrong));
      for (const think of journey.thinks) {
        expect(think).toBeGreaterThanOrEqual(THINK_MS.min);
        expect(think).toBeLessThan(THINK_MS.max);
      }
    }
    expect(journeySteps(2, 1)).toEqual([
      "arrive",
      "start",
      "answer",
      "answer",
      "submit",
      "progress",
      "review",
      "reviewAnswer",
      "reviewSubmit",
    ]);
    expect(journeySteps(2, 0).at(-1)).toBe("review");
  });
});

describe("the open model", () => {
  // Arrivals at N / mean session length for longer than any session, then a look at who is still in
  // session: that is the steady state the bench sets up directly with sampleInFlight.
  const rng = createRng(5);
  const plan = () => planJourney(quizzes, BATCH, rng);
  const meanMs = meanSessionMs(plan);
  const longestMs = longestSessionMs(quizzes, BATCH);
  const N = 3000;
  const horizon = 2 * longestMs;
  const inSession: Journey[] = [];
  for (const at of poissonArrivals(N / meanMs, horizon, rng)) {
    const journey = plan();
    if (at + sessionMs(journey) > horizon) inSession.push(journey);
  }
  const meanLength = (journeys: Journey[]) =>
    journeys.reduce((sum, j) => sum + sessionMs(j), 0) / journeys.length;

  it("keeps N learners in session with arrivals at N / mean session length (Little's law)", () => {
    expect(inSession.length).toBeGreaterThan(N * 0.93);
    expect(inSession.length).toBeLessThan(N * 1.07);
  });

  it("catches learners in flight as the steady state has them: long sessions more often", () => {
    const sampled = Array.from({ length: N }, () => sampleInFlight(plan, longestMs, rng));
    const steady = meanLength(inSession);
    expect(steady).toBeGreaterThan(meanMs * 1.2);
    expect(meanLength(sampled.map((s) => s.journey))).toBeGreaterThan(steady * 0.95);
    expect(meanLength(sampled.map((s) => s.journey))).toBeLessThan(steady * 1.05);
    // Uniformly within the session: on average halfway through.
    const position =
      sampled.reduce((sum, s) => sum + s.elapsedMs / sessionMs(s.journey), 0) / sampled.length;
    expect(position).toBeGreaterThan(0.47);
    expect(position).toBeLessThan(0.53);
  });
});
