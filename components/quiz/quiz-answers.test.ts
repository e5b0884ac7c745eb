import { describe, expect, it } from "vitest";
import {
  describeGroups,
  groupConfidence,
  groupItems,
  initialAnswers,
  isAnswered,
  matrixLayout,
  toAnswerBody,
  type SessionItem,
} from "./quiz-answers";

const OWNERS = ["AWS", "CUSTOMER", "SHARED"] as const;

function item(id: string, extra: Partial<SessionItem> = {}): SessionItem {
  return {
    id,
    kind: "assign",
    prompt: id,
    detail: "",
    serviceModel: null,
    noteSlug: "note",
    service: null,
    choices: [...OWNERS],
    options: [],
    matrix: null,
    split: null,
    scenario: null,
    ...extra,
  };
}

const cell = (id: string, row: number, column: number) =>
  item(id, {
    kind: "matrix",
    matrix: {
      id: "note:m",
      title: "Who runs each layer",
      row: `Row ${row}`,
      column: `Col ${column}`,
      rowIndex: row,
      columnIndex: column,
    },
  });
const half = (id: string, side: "AWS" | "CUSTOMER") =>
  item(id, {
    kind: "split",
    choices: [],
    options: [{ key: "abcdef01", text: "A" }],
    split: { control: "Patching", half: side },
  });
const part = (id: string, p: "owner" | "control") =>
  item(id, {
    kind: "scenario",
    choices: p === "owner" ? [...OWNERS] : [],
    options: p === "control" ? [{ key: "abcdef02", text: "B" }] : [],
    scenario: { id: "bucket", title: "Public bucket", story: "A bucket was public.", part: p },
  });

describe("groupItems", () => {
  it("groups matrix cells, split halves and scenario parts, in order, leaving cards to the board", () => {
    const groups = groupItems([
      item("a"),
      cell("m1", 0, 0),
      half("s1", "AWS"),
      cell("m2", 1, 0),
      part("p1", "owner"),
      half("s2", "CUSTOMER"),
      part("p2", "control"),
    ]);
    expect(groups.map((g) => [g.kind, g.items.map((i) => i.id)])).toEqual([
      ["matrix", ["m1", "m2"]],
      ["split", ["s1", "s2"]],
      ["scenario", ["p1", "p2"]],
    ]);
  });
});

describe("toAnswerBody", () => {
  it("sends an option for option items and a choice for owner items, never both", () => {
    const answer = { choice: "AWS" as const, option: "abcdef01", confidence: "sure" as const };
    expect(toAnswerBody(half("s1", "AWS"), answer)).toEqual({
      itemId: "s1",
      option: "abcdef01",
      confidence: "sure",
    });
    expect(toAnswerBody(part("p1", "owner"), answer)).toEqual({
      itemId: "p1",
      choice: "AWS",
      confidence: "sure",
    });
    // Unanswered, though its group was marked sure: no confidence goes with it.
    expect(
      toAnswerBody(half("s2", "CUSTOMER"), { choice: null, option: null, confidence: "sure" }),
    ).toEqual({ itemId: "s2", option: null, confidence: null });
  });
});

describe("initialAnswers and groupConfidence", () => {
  it("lays the tab's unsaved journal over what the server rendered", () => {
    const answers = initialAnswers(
      [
        { itemId: "s1", choice: null, option: "abcdef01", confidence: null },
        { itemId: "s2", choice: null, option: null, confidence: null },
      ],
      new Map([["s2", { choice: null, option: "abcdef09", confidence: "unsure" as const }]]),
    );
    expect(isAnswered(answers.s1)).toBe(true);
    expect(answers.s2).toEqual({ choice: null, option: "abcdef09", confidence: "unsure" });
    expect(groupConfidence([half("s1", "AWS"), half("s2", "CUSTOMER")], answers)).toBe("unsure");
    expect(isAnswered(undefined)).toBe(false);
  });
});

describe("matrixLayout", () => {
  it("orders rows and columns by their index, whatever order the cells came in", () => {
    const layout = matrixLayout([cell("b", 1, 1), cell("a", 0, 0), cell("c", 0, 1)]);
    expect(layout.rows.map((r) => r.title)).toEqual(["Row 0", "Row 1"]);
    expect(layout.columns.map((c) => c.title)).toEqual(["Col 0", "Col 1"]);
    expect(layout.cell(0, 1)?.id).toBe("c");
    expect(layout.cell(1, 0)).toBeUndefined();
  });
});

describe("describeGroups", () => {
  it("names what follows the cards by kind, in order of appearance, counting repeats", () => {
    expect(describeGroups([])).toBeNull();
    expect(describeGroups([{ kind: "matrix" }])).toBe("a service matrix");
    expect(describeGroups([{ kind: "split" }, { kind: "split" }, { kind: "scenario" }])).toBe(
      "2 Shared controls in two halves and an incident scenario",
    );
    expect(describeGroups([{ kind: "scenario" }, { kind: "split" }, { kind: "matrix" }])).toBe(
      "an incident scenario, a Shared control in two halves and a service matrix",
    );
  });

  it("ignores card kinds, which are not groups below the cards", () => {
    expect(describeGroups([{ kind: "assign" }])).toBeNull();
  });
});
