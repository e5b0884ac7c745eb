import { describe, expect, it } from "vitest";
import { currentStreak } from "./streak";

const day = (d: string) => new Date(`${d}T12:00:00Z`);

describe("currentStreak", () => {
  it("counts consecutive active days ending today", () => {
    expect(
      currentStreak([day("2026-03-01"), day("2026-03-02"), day("2026-03-03")], day("2026-03-03")),
    ).toBe(3);
  });

  it("keeps yesterday's streak alive until today is over", () => {
    expect(currentStreak([day("2026-03-01"), day("2026-03-02")], day("2026-03-03"))).toBe(2);
  });

  it("resets after a missed day and ignores repeats", () => {
    expect(
      currentStreak([day("2026-02-27"), day("2026-03-01"), day("2026-03-01")], day("2026-03-03")),
    ).toBe(0);
    expect(currentStreak([], day("2026-03-03"))).toBe(0);
  });
});
