import { describe, expect, it } from "vitest";
import { gradeAnswers, type GivenAnswer, type GradableItem } from "./grade";

function item(itemId: string, owner: GradableItem["owner"], answerKey: string | null = null) {
  return {
    itemId,
    owner,
    answerKey,
    explanation: `Why ${itemId}`,
    source: null,
    lessonHref: `/lessons/x#${itemId}`,
    related: [],
  };
}

const owner = (choice: GivenAnswer["choice"], confidence: GivenAnswer["confidence"] = null) => ({
  choice,
  option: null,
  confidence,
});
const option = (key: string | null) => ({ choice: null, option: key, confidence: null });

describe("gradeAnswers", () => {
  it("marks an assign item right or wrong with what was expected and why", () => {
    const items = [item("a", "AWS"), item("b", "CUSTOMER"), item("c", "SHARED")];
    const grade = gradeAnswers(
      items,
      new Map([
        ["a", owner("AWS")],
        ["b", owner("AWS", "sure")],
        ["c", owner("SHARED")],
      ]),
    );
    expect(grade.score).toEqual({ correct: 2, total: 3 });
    expect(grade.results[1]).toEqual({
      itemId: "b",
      choice: "AWS",
      option: null,
      confidence: "sure",
      correct: false,
      expected: "CUSTOMER",
      expectedOption: null,
      explanation: "Why b",
      source: null,
      lessonHref: "/lessons/x#b",
      related: [],
    });
  });

  it("gives a matrix partial credit: each cell is graded on its own", () => {
    const cells = [item("ec2-os", "CUSTOMER"), item("rds-os", "AWS"), item("lambda-os", "AWS")];
    const grade = gradeAnswers(
      cells,
      new Map([
        ["ec2-os", owner("CUSTOMER")],
        ["rds-os", owner("CUSTOMER")],
        ["lambda-os", owner("AWS")],
      ]),
    );
    expect(grade.score).toEqual({ correct: 2, total: 3 });
    expect(grade.results.map((r) => r.correct)).toEqual([true, false, true]);
  });

  it("grades each half of a split by the statement picked, not by an owner", () => {
    const halves = [item("aws-half", "AWS", "k1"), item("customer-half", "CUSTOMER", "k2")];
    const grade = gradeAnswers(
      halves,
      new Map<string, GivenAnswer>([
        // An owner sent for an option item is no answer: only the option counts.
        ["aws-half", { choice: "AWS" as const, option: "k2", confidence: null }],
        ["customer-half", option("k2")],
      ]),
    );
    expect(grade.results.map((r) => [r.correct, r.expectedOption])).toEqual([
      [false, "k1"],
      [true, "k2"],
    ]);
  });

  it("grades a scenario's two parts apart: whose failure, and which control", () => {
    const parts = [item("whose", "CUSTOMER"), item("control", "CUSTOMER", "bpa")];
    const grade = gradeAnswers(
      parts,
      new Map<string, GivenAnswer>([
        ["whose", owner("CUSTOMER")],
        ["control", option("kms")],
      ]),
    );
    expect(grade.score).toEqual({ correct: 1, total: 2 });
  });

  it("counts unanswered items as wrong", () => {
    const grade = gradeAnswers([item("a", "AWS"), item("b", "AWS", "k")], new Map());
    expect(grade.score).toEqual({ correct: 0, total: 2 });
    expect(grade.results.map((r) => [r.choice, r.option])).toEqual([
      [null, null],
      [null, null],
    ]);
  });
});
