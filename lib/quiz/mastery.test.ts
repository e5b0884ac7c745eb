import { describe, expect, it } from "vitest";
import { levelAfterQuiz, levelAfterReview, levelName, MASTERY_GAP_MS } from "./mastery";

const now = new Date("2026-03-01T10:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

describe("mastery levels", () => {
  it("maps a quiz score to Attempted, Familiar or Proficient", () => {
    expect(levelName(levelAfterQuiz(0, now).level)).toBe("attempted");
    expect(levelName(levelAfterQuiz(0.69, now).level)).toBe("attempted");
    expect(levelName(levelAfterQuiz(0.7, now).level)).toBe("familiar");
    expect(levelName(levelAfterQuiz(0.99, now).level)).toBe("familiar");
    expect(levelAfterQuiz(1, now)).toEqual({ level: 3, proficientAt: now });
    expect(levelName(0)).toBe("not-started");
  });

  it("masters a proficient note only on a correct review at least a day later", () => {
    const proficient = levelAfterQuiz(1, now);
    expect(levelName(levelAfterReview(proficient, true, later(MASTERY_GAP_MS - 1)).level)).toBe(
      "proficient",
    );
    expect(levelName(levelAfterReview(proficient, true, later(MASTERY_GAP_MS)).level)).toBe(
      "mastered",
    );
  });

  it("drops proficient or mastered back to familiar on a missed review", () => {
    const mastered = levelAfterReview(levelAfterQuiz(1, now), true, later(2 * MASTERY_GAP_MS));
    expect(levelName(levelAfterReview(mastered, false, later(3 * MASTERY_GAP_MS)).level)).toBe(
      "familiar",
    );
  });

  it("leaves lower levels alone in review", () => {
    const familiar = levelAfterQuiz(0.8, now);
    expect(levelAfterReview(familiar, true, later(MASTERY_GAP_MS))).toEqual(familiar);
    expect(levelAfterReview(familiar, false, later(MASTERY_GAP_MS))).toEqual(familiar);
  });
});
