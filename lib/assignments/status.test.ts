import { describe, expect, it } from "vitest";
import {
  assignmentStatus,
  assignmentTitle,
  effectiveDueAt,
  meetsTarget,
  targetLevelOf,
  targetMasteryOf,
  type LearnerWork,
} from "./status";

const due = new Date("2026-06-10T12:00:00Z");
const before = new Date("2026-06-10T11:59:59Z");
const after = new Date("2026-06-10T12:00:01Z");

const notes = (noteLevels: number[], completed = false): LearnerWork => ({
  kind: "notes",
  completed,
  targetLevel: targetLevelOf("PROFICIENT"),
  noteLevels,
});
const practice = (attemptsStarted: number, completed = false): LearnerWork => ({
  kind: "practice",
  completed,
  attemptsStarted,
});

describe("target mastery", () => {
  it("maps the API's names to the stored mastery level and back", () => {
    expect([
      targetLevelOf("FAMILIAR"),
      targetLevelOf("PROFICIENT"),
      targetLevelOf("MASTERED"),
    ]).toEqual([2, 3, 4]);
    expect([targetMasteryOf(2), targetMasteryOf(3), targetMasteryOf(4)]).toEqual([
      "FAMILIAR",
      "PROFICIENT",
      "MASTERED",
    ]);
    expect(targetMasteryOf(null)).toBeNull();
    expect(targetMasteryOf(1)).toBeNull();
  });

  it("is met only when every note reaches it", () => {
    expect(meetsTarget(3, [3, 4])).toBe(true);
    expect(meetsTarget(3, [3, 2])).toBe(false);
    expect(meetsTarget(3, [])).toBe(false);
  });
});

describe("assignmentStatus", () => {
  it("is not started, then in progress once a note is attempted, then done at the target", () => {
    expect(assignmentStatus(notes([0, 0]), due, before)).toBe("not_started");
    expect(assignmentStatus(notes([1, 0]), due, before)).toBe("in_progress");
    expect(assignmentStatus(notes([3, 2]), due, before)).toBe("in_progress");
    expect(assignmentStatus(notes([3, 4]), due, before)).toBe("done");
  });

  it("is overdue only after the due date, and done beats overdue", () => {
    expect(assignmentStatus(notes([0]), due, due)).toBe("not_started");
    expect(assignmentStatus(notes([0]), due, after)).toBe("overdue");
    expect(assignmentStatus(notes([2]), due, after)).toBe("overdue");
    expect(assignmentStatus(notes([3]), due, after)).toBe("done");
    expect(assignmentStatus(practice(1, true), due, after)).toBe("done");
  });

  it("stays done once completed, when mastery has dropped back", () => {
    expect(assignmentStatus(notes([2], true), due, after)).toBe("done");
  });

  it("counts a practice test started as in progress and only a completion as done", () => {
    expect(assignmentStatus(practice(0), due, before)).toBe("not_started");
    expect(assignmentStatus(practice(2), due, before)).toBe("in_progress");
    expect(assignmentStatus(practice(2), due, after)).toBe("overdue");
    expect(assignmentStatus(practice(1, true), due, before)).toBe("done");
  });
});

describe("effectiveDueAt", () => {
  it("is the extension's date when there is one", () => {
    expect(effectiveDueAt(due, null)).toBe(due);
    expect(effectiveDueAt(due, after)).toBe(after);
  });
});

describe("assignmentTitle", () => {
  it("names the notes and the target, or the practice test's size", () => {
    expect(assignmentTitle({ kind: "notes", targetMastery: "PROFICIENT" }, ["Amazon S3"])).toBe(
      "Amazon S3 — Proficient",
    );
    expect(assignmentTitle({ kind: "practice", size: 10 }, ["Amazon S3", "Amazon EC2"])).toBe(
      "Practice test: Amazon S3, Amazon EC2 (10 questions)",
    );
    expect(
      assignmentTitle({ kind: "notes", targetMastery: "MASTERED" }, ["A", "B", "C", "D", "E"]),
    ).toBe("A, B, C and 2 more — Mastered");
  });
});
