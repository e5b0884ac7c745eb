import { describe, expect, it } from "vitest";
import { scoreBySection, type PlacedAnswer } from "./score-sections";

const headings = [
  { depth: 3, level: 2, text: "AWS Responsibilities", anchor: "aws-responsibilities", line: 1 },
  { depth: 3, level: 2, text: "Variation by Service", anchor: "variation-by-service", line: 5 },
  { depth: 3, level: 2, text: "Shared Controls", anchor: "shared-controls", line: 9 },
];

function answer(
  itemId: string,
  correct: boolean,
  anchor: string,
  serviceModel: string | null = null,
  spec: string | null = null,
): PlacedAnswer {
  return { itemId, correct, noteSlug: "model", noteTitle: "Model", anchor, serviceModel, spec };
}

describe("scoreBySection", () => {
  it("groups by lesson section, service-model layers by their model, in the lesson's order", () => {
    const sections = scoreBySection(
      [
        answer("a", false, "shared-controls"),
        answer("b", true, "layer-virtualization", "PaaS (RDS)"),
        answer("c", true, "aws-responsibilities"),
        answer("d", false, "layer-virtualization", "IaaS (EC2)"),
        answer("e", true, "layer-operating-system", "IaaS (EC2)"),
        answer("f", true, "shared-controls"),
      ],
      (slug) => (slug === "model" ? headings : undefined),
    );
    expect(sections).toEqual([
      { title: "AWS Responsibilities", noteTitle: "Model", correct: 1, total: 1, itemIds: ["c"] },
      { title: "Shared Controls", noteTitle: "Model", correct: 1, total: 2, itemIds: ["a", "f"] },
      // Service-model layers sit in the lesson's generated matrix, after its sections.
      { title: "IaaS (EC2)", noteTitle: "Model", correct: 1, total: 2, itemIds: ["d", "e"] },
      { title: "PaaS (RDS)", noteTitle: "Model", correct: 1, total: 1, itemIds: ["b"] },
    ]);
  });

  it("names a section the note no longer has from its anchor, and keeps notes apart", () => {
    const sections = scoreBySection(
      [
        answer("a", true, "old-section"),
        { ...answer("b", false, "old-section"), noteSlug: "other", noteTitle: "Another" },
      ],
      () => undefined,
    );
    expect(sections.map((s) => [s.noteTitle, s.title, s.total])).toEqual([
      ["Another", "Old section", 1],
      ["Model", "Old section", 1],
    ]);
  });

  it("scores a scenario part under its incident's title and a matrix cell under its matrix's", () => {
    const scenario = JSON.stringify({
      kind: "SCENARIO",
      scenario: "ssh-open-to-the-world",
      title: "SSH open to the whole internet",
      story: "A port was open.",
      part: "owner",
      options: [],
      notes: [],
    });
    const matrix = JSON.stringify({
      kind: "MATRIX",
      matrix: "who-owns-each-control-by-service",
      title: "Who owns each control by service",
      row: "Identity and access",
      column: "Amazon EC2",
      rowIndex: 0,
      columnIndex: 0,
    });
    const sections = scoreBySection(
      [
        answer("s", true, "scenario-ssh-open-to-the-world", null, scenario),
        answer(
          "m",
          false,
          "matrix-who-owns-each-control-by-service-identity-and-access",
          null,
          matrix,
        ),
      ],
      () => headings,
    );
    expect(sections.map((s) => s.title).sort()).toEqual([
      "SSH open to the whole internet",
      "Who owns each control by service",
    ]);
  });
});
