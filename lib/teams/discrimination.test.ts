import { describe, expect, it } from "vitest";
import {
  discrimination,
  firstAnswers,
  itemFlags,
  MIN_RESPONDENTS,
  pearson,
  type ScoredAnswer,
} from "./discrimination";

/** Learners' answers as rows of 1s and 0s over the item versions a, b and c. */
function answersOf(rows: Record<string, string>): ScoredAnswer[] {
  return Object.entries(rows).flatMap(([userId, marks]) =>
    [...marks].map((mark, i) => ({
      userId,
      itemVersionId: "abc"[i],
      correct: mark === "1",
    })),
  );
}

// Five learners over three items. By hand, for a: item scores 1,1,0,1,0 (mean 0.6); rest scores
// (share right on b and c) 1, 0.5, 0.5, 0, 0 (mean 0.4). Deviations give a covariance sum of 0.30,
// squares 1.2 and 0.70: r = 0.30 / √(1.2 × 0.70) = 0.30 / √0.84 ≈ 0.3273.
// For c: item 1,0,0,0,0 (mean 0.2); rest 1, 1, 0.5, 0.5, 0 (mean 0.6): 0.40 / √(0.8 × 0.70) ≈ 0.5345.
const FIVE = { u1: "111", u2: "110", u3: "010", u4: "100", u5: "000" };

describe("the discrimination index (item–rest point-biserial)", () => {
  it("matches the hand-computed correlation of each item with the rest score", () => {
    const firsts = firstAnswers(answersOf(FIVE));
    expect(discrimination(firsts, "a")).toBeCloseTo(0.3 / Math.sqrt(0.84), 9);
    expect(discrimination(firsts, "a")).toBeCloseTo(0.327327, 6);
    expect(discrimination(firsts, "b")).toBeCloseTo(0.3 / Math.sqrt(0.84), 9);
    expect(discrimination(firsts, "c")).toBeCloseTo(0.4 / Math.sqrt(0.56), 9);
  });

  it("counts only each learner's first answer to a version", () => {
    const retry: ScoredAnswer = { userId: "u5", itemVersionId: "a", correct: true };
    const firsts = firstAnswers([...answersOf(FIVE), retry]);
    expect(firsts.get("u5")?.get("a")).toBe(false);
    expect(discrimination(firsts, "a")).toBeCloseTo(0.3 / Math.sqrt(0.84), 9);
  });

  it("leaves out learners with no other item to score them on", () => {
    const loner: ScoredAnswer = { userId: "u6", itemVersionId: "a", correct: true };
    expect(discrimination(firstAnswers([...answersOf(FIVE), loner]), "a")).toBeCloseTo(
      0.3 / Math.sqrt(0.84),
      9,
    );
  });

  it(`is null below ${MIN_RESPONDENTS} learners, and when nothing varies`, () => {
    const four = { u1: "111", u2: "110", u3: "010", u4: "100" };
    expect(discrimination(firstAnswers(answersOf(four)), "a")).toBeNull();
    const allRight = { u1: "111", u2: "110", u3: "110", u4: "100", u5: "100" };
    expect(discrimination(firstAnswers(answersOf(allRight)), "a")).toBeNull();
    expect(discrimination(firstAnswers(answersOf(FIVE)), "unanswered")).toBeNull();
  });

  it("is negative when the stronger learners miss the item", () => {
    const inverted = { u1: "011", u2: "011", u3: "110", u4: "100", u5: "100" };
    expect(discrimination(firstAnswers(answersOf(inverted)), "a")).toBeLessThan(0);
  });

  it("computes Pearson's r", () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
  });
});

describe("item flags", () => {
  it("flags low discrimination, and facility near 0 or 1 once there are enough answers", () => {
    expect(itemFlags({ correctRate: 0.5, attempts: 20, discrimination: 0.45 })).toEqual([]);
    expect(itemFlags({ correctRate: 0.5, attempts: 20, discrimination: 0.19 })).toEqual([
      "low_discrimination",
    ]);
    expect(itemFlags({ correctRate: 0.05, attempts: 20, discrimination: -0.1 })).toEqual([
      "low_discrimination",
      "too_hard",
    ]);
    expect(itemFlags({ correctRate: 0.95, attempts: 5, discrimination: null })).toEqual([
      "too_easy",
    ]);
    expect(itemFlags({ correctRate: 1, attempts: 4, discrimination: null })).toEqual([]);
    expect(itemFlags({ correctRate: 0.1, attempts: 20, discrimination: 0.2 })).toEqual([]);
    expect(itemFlags({ correctRate: 0.9, attempts: 20, discrimination: 0.3 })).toEqual([]);
  });
});
