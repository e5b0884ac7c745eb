import { describe, expect, it } from "vitest";
import { gradeAnswers } from "./grade";

const items = [
  { itemId: "a", owner: "AWS" as const, explanation: "Data centers", lessonHref: "/lessons/x#aws" },
  {
    itemId: "b",
    owner: "CUSTOMER" as const,
    explanation: "Guest OS",
    lessonHref: "/lessons/x#customer",
  },
  {
    itemId: "c",
    owner: "SHARED" as const,
    explanation: "Patching",
    lessonHref: "/lessons/x#shared",
  },
];

describe("gradeAnswers", () => {
  it("marks each item right or wrong with what was expected and why", () => {
    const grade = gradeAnswers(
      items,
      new Map([
        ["a", "AWS"],
        ["b", "AWS"],
        ["c", "SHARED"],
      ] as const),
    );
    expect(grade.score).toEqual({ correct: 2, total: 3 });
    expect(grade.results[1]).toEqual({
      itemId: "b",
      choice: "AWS",
      correct: false,
      expected: "CUSTOMER",
      explanation: "Guest OS",
      lessonHref: "/lessons/x#customer",
    });
  });

  it("counts unanswered items as wrong", () => {
    const grade = gradeAnswers(items, new Map([["a", null]] as const));
    expect(grade.score).toEqual({ correct: 0, total: 3 });
    expect(grade.results.map((r) => r.choice)).toEqual([null, null, null]);
  });
});
