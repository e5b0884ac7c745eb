import { describe, expect, it } from "vitest";
import { scorePercent, sharePercent } from "./score";

describe("scorePercent", () => {
  it("rounds to a whole percentage, half up", () => {
    expect(scorePercent({ correct: 30, total: 36 })).toBe(83);
    expect(scorePercent({ correct: 1, total: 8 })).toBe(13);
    expect(scorePercent({ correct: 35, total: 36 })).toBe(97);
  });

  it("is 100 only for a perfect score, and 0 for an empty attempt", () => {
    expect(scorePercent({ correct: 199, total: 200 })).toBe(99);
    expect(scorePercent({ correct: 36, total: 36 })).toBe(100);
    expect(scorePercent({ correct: 0, total: 0 })).toBe(0);
  });
});

describe("sharePercent", () => {
  it("rounds a share the same way", () => {
    expect(sharePercent(0.675)).toBe(68);
    expect(sharePercent(0)).toBe(0);
    expect(sharePercent(1)).toBe(100);
  });
});
