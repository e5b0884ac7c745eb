import { describe, expect, it } from "vitest";
import { failuresOf, isLeech, LEECH_FAILURES } from "./leech";

describe("isLeech", () => {
  it("marks an item failed four or more times, however often it was also right", () => {
    expect(LEECH_FAILURES).toBe(4);
    expect(isLeech({ attempts: 3, correctCount: 0 })).toBe(false);
    expect(isLeech({ attempts: 4, correctCount: 0 })).toBe(true);
    expect(isLeech({ attempts: 10, correctCount: 7 })).toBe(false);
    expect(isLeech({ attempts: 10, correctCount: 6 })).toBe(true);
  });

  it("counts failures as the answers that were not right", () => {
    expect(failuresOf({ attempts: 9, correctCount: 4 })).toBe(5);
  });
});
