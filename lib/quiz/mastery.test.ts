import { describe, expect, it } from "vitest";
import {
  levelAfterQuiz,
  levelAfterReview,
  levelName,
  MASTERY_GAP_MS,
  NOT_STARTED,
  reviewOutcomeByNote,
  type NoteStanding,
} from "./mastery";

const now = new Date("2026-03-01T10:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);
const score = (correct: number, total = 10) => ({ correct, total });
const quiz = (before: NoteStanding, correct: number, at = now) =>
  levelAfterQuiz(before, score(correct), at);

describe("mastery after a quiz", () => {
  it("maps a score to Attempted, Familiar or Proficient", () => {
    expect(levelName(quiz(NOT_STARTED, 0).level)).toBe("attempted");
    expect(levelName(levelAfterQuiz(NOT_STARTED, score(69, 100), now).level)).toBe("attempted");
    expect(levelName(quiz(NOT_STARTED, 7).level)).toBe("familiar");
    expect(levelName(levelAfterQuiz(NOT_STARTED, score(199, 200), now).level)).toBe("familiar");
    expect(quiz(NOT_STARTED, 10)).toEqual({ level: 3, proficientAt: now });
    expect(levelName(0)).toBe("not-started");
  });

  it("lets the latest score decide: a weaker retake lowers the note", () => {
    const proficient = quiz(NOT_STARTED, 10);
    expect(quiz(proficient, 8, later(1000))).toEqual({ level: 2, proficientAt: null });
  });

  it("keeps a mastered note Mastered on a perfect retake, with its first proficient time", () => {
    const mastered = levelAfterReview(quiz(NOT_STARTED, 10), true, later(MASTERY_GAP_MS));
    expect(levelName(mastered.level)).toBe("mastered");
    const retaken = quiz(mastered, 10, later(2 * MASTERY_GAP_MS));
    expect(levelName(retaken.level)).toBe("mastered");
    expect(retaken.proficientAt).toEqual(now);
  });

  it("keeps the first proficient time on a perfect retake of a proficient note", () => {
    const proficient = quiz(NOT_STARTED, 10);
    expect(quiz(proficient, 10, later(5000))).toEqual(proficient);
  });

  it("treats an empty quiz as Attempted, never as perfect", () => {
    expect(levelName(levelAfterQuiz(NOT_STARTED, score(0, 0), now).level)).toBe("attempted");
  });
});

describe("mastery after a review", () => {
  it("masters a proficient note only on a correct review at least a day later", () => {
    const proficient = quiz(NOT_STARTED, 10);
    expect(levelName(levelAfterReview(proficient, true, later(MASTERY_GAP_MS - 1)).level)).toBe(
      "proficient",
    );
    expect(levelName(levelAfterReview(proficient, true, later(MASTERY_GAP_MS)).level)).toBe(
      "mastered",
    );
  });

  it("drops proficient or mastered back to familiar on a missed review", () => {
    const mastered = levelAfterReview(quiz(NOT_STARTED, 10), true, later(2 * MASTERY_GAP_MS));
    expect(levelName(levelAfterReview(mastered, false, later(3 * MASTERY_GAP_MS)).level)).toBe(
      "familiar",
    );
  });

  it("leaves lower levels alone in review", () => {
    const familiar = quiz(NOT_STARTED, 8);
    expect(levelAfterReview(familiar, true, later(MASTERY_GAP_MS))).toEqual(familiar);
    expect(levelAfterReview(familiar, false, later(MASTERY_GAP_MS))).toEqual(familiar);
  });

  it("judges each note of a mixed review on its own items", () => {
    const outcome = reviewOutcomeByNote([
      { noteSlug: "iam", correct: true },
      { noteSlug: "kms", correct: true },
      { noteSlug: "iam", correct: false },
    ]);
    expect(outcome).toEqual(
      new Map([
        ["iam", false],
        ["kms", true],
      ]),
    );
  });
});
