import { Rating, State } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { newReviewState, ratingFor, scheduleReview, SLOW_ANSWER_MS } from "./schedule";

const now = new Date("2026-03-01T10:00:00Z");
const DAY = 86_400_000;

describe("scheduleReview", () => {
  it("makes a wrong answer due at once", () => {
    const card = scheduleReview(newReviewState(now), false, now);
    expect(card.due.getTime()).toBe(now.getTime());
    expect(card.reps).toBe(1);
  });

  it("pushes a right answer into the future, and further each time it is right", () => {
    const first = scheduleReview(newReviewState(now), true, now);
    expect(first.due.getTime()).toBeGreaterThan(now.getTime());
    let card = first;
    let at = now;
    for (let i = 0; i < 3; i++) {
      at = new Date(card.due.getTime() + 1000);
      card = scheduleReview(card, true, at);
    }
    expect(card.state).toBe(State.Review);
    expect(card.due.getTime() - at.getTime()).toBeGreaterThan(DAY);
  });

  it("counts a lapse when a reviewed card is missed", () => {
    let card = newReviewState(now);
    let at = now;
    for (let i = 0; i < 4; i++) {
      card = scheduleReview(card, true, at);
      at = new Date(card.due.getTime() + 1000);
    }
    const missed = scheduleReview(card, false, at);
    expect(missed.lapses).toBe(card.lapses + 1);
    expect(missed.due.getTime()).toBe(at.getTime());
  });

  it("rates a slow right answer Hard and a quick one Good", () => {
    expect(ratingFor(true, 2_000)).toBe(Rating.Good);
    expect(ratingFor(true, SLOW_ANSWER_MS + 1)).toBe(Rating.Hard);
    expect(ratingFor(true)).toBe(Rating.Good);
    expect(ratingFor(false, 1)).toBe(Rating.Again);
  });
});
