import { Rating, State } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { DESIRED_RETENTION } from "./retention";
import { newReviewState, ratingFor, scheduleReview, SLOW_ANSWER_MS } from "./schedule";

const now = new Date("2026-03-01T10:00:00Z");
const DAY = 86_400_000;

describe("scheduleReview", () => {
  it("makes a wrong answer due at once", () => {
    const card = scheduleReview(newReviewState(now), {
      correct: false,
      confidence: null,
      now: now,
    });
    expect(card.due.getTime()).toBe(now.getTime());
    expect(card.reps).toBe(1);
  });

  it("pushes a right answer into the future, and further each time it is right", () => {
    const first = scheduleReview(newReviewState(now), {
      correct: true,
      confidence: null,
      now: now,
    });
    expect(first.due.getTime()).toBeGreaterThan(now.getTime());
    let card = first;
    let at = now;
    for (let i = 0; i < 3; i++) {
      at = new Date(card.due.getTime() + 1000);
      card = scheduleReview(card, { correct: true, confidence: null, now: at });
    }
    expect(card.state).toBe(State.Review);
    expect(card.due.getTime() - at.getTime()).toBeGreaterThan(DAY);
  });

  it("takes an answer timed before the last review, across midnight, as given at that review", () => {
    const reviewed = scheduleReview(newReviewState(now), {
      correct: true,
      confidence: null,
      now: new Date("2026-03-02T00:00:01Z"),
    });
    // Another instance's clock two seconds behind: yesterday, by the calendar.
    const earlier = { correct: false, confidence: null, now: new Date("2026-03-01T23:59:59Z") };
    const card = scheduleReview(reviewed, earlier);
    expect(card.last_review).toEqual(reviewed.last_review);
    expect(card.due).toEqual(reviewed.last_review);
    expect(card.lapses + card.reps).toBeGreaterThan(reviewed.reps);
  });

  it("counts a lapse when a reviewed card is missed", () => {
    let card = newReviewState(now);
    let at = now;
    for (let i = 0; i < 4; i++) {
      card = scheduleReview(card, { correct: true, confidence: null, now: at });
      at = new Date(card.due.getTime() + 1000);
    }
    const missed = scheduleReview(card, { correct: false, confidence: null, now: at });
    expect(missed.lapses).toBe(card.lapses + 1);
    expect(missed.due.getTime()).toBe(at.getTime());
  });

  it("rates a slow right answer Hard and a quick one Good", () => {
    const right = { correct: true, confidence: null };
    expect(ratingFor({ ...right, answerMs: 2_000 })).toBe(Rating.Good);
    expect(ratingFor({ ...right, answerMs: SLOW_ANSWER_MS + 1 })).toBe(Rating.Hard);
    expect(ratingFor(right)).toBe(Rating.Good);
    expect(ratingFor({ correct: false, confidence: null, answerMs: 1 })).toBe(Rating.Again);
  });

  it("rates by the learner's confidence when they gave it: sure is Easy, unsure is Hard, wrong is Again", () => {
    expect(ratingFor({ correct: true, confidence: "sure", answerMs: SLOW_ANSWER_MS + 1 })).toBe(
      Rating.Easy,
    );
    expect(ratingFor({ correct: true, confidence: "unsure", answerMs: 1 })).toBe(Rating.Hard);
    expect(ratingFor({ correct: false, confidence: "sure" })).toBe(Rating.Again);
    expect(ratingFor({ correct: false, confidence: "unsure" })).toBe(Rating.Again);
  });
});

describe("desired retention", () => {
  const sureAndRight = { correct: true, confidence: "sure" as const, now };
  const intervalAt = (retention: number) =>
    scheduleReview(newReviewState(now), sureAndRight, retention).due.getTime() - now.getTime();

  it("defaults to FSRS's 0.9", () => {
    expect(intervalAt(DESIRED_RETENTION.default)).toBe(
      scheduleReview(newReviewState(now), sureAndRight).due.getTime() - now.getTime(),
    );
  });

  it("shortens the interval as the retention asked for rises", () => {
    const low = intervalAt(DESIRED_RETENTION.min);
    const usual = intervalAt(DESIRED_RETENTION.default);
    const high = intervalAt(DESIRED_RETENTION.max);
    expect(high).toBeLessThan(usual);
    expect(usual).toBeLessThan(low);
    expect(high).toBeGreaterThan(0);
  });

  it("leaves a wrong answer due at once, whatever the retention", () => {
    const missed = scheduleReview(
      newReviewState(now),
      { correct: false, confidence: null, now },
      DESIRED_RETENTION.max,
    );
    expect(missed.due.getTime()).toBe(now.getTime());
  });
});
