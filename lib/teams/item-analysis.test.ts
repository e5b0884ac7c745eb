import { describe, expect, it } from "vitest";
import { itemLabel, kindName, missedHalf, optionText } from "./item-analysis";

const statements = [
  { key: "aa11", text: "Patches the host." },
  { key: "bb22", text: "Patches the guest." },
];

describe("item analysis helpers", () => {
  it("names grouped items by their group, so that a table row reads on its own", () => {
    expect(itemLabel("MFA Enforcement", null)).toBe("MFA Enforcement");
    expect(itemLabel("Guest OS patching", { kind: "SERVICE", service: "AWS Lambda" })).toBe(
      "Guest OS patching on AWS Lambda",
    );
    expect(kindName("SERVICE")).toBe("service");
    expect(
      itemLabel("Amazon EC2: Guest OS patching", {
        kind: "MATRIX",
        matrix: "m",
        title: "Who runs each layer",
        row: "Guest OS patching",
        column: "Amazon EC2",
        rowIndex: 2,
        columnIndex: 0,
      }),
    ).toBe("Guest OS patching on Amazon EC2");
    expect(
      itemLabel("Patch Management: which statement is AWS's half?", {
        kind: "SPLIT",
        control: "Patch Management",
        half: "AWS",
        statements,
      }),
    ).toBe("Patch Management — AWS half");
    const scenario = {
      kind: "SCENARIO" as const,
      scenario: "s",
      title: "A public bucket",
      story: "…",
      options: [],
      notes: [],
    };
    expect(itemLabel("Whose failure?", { ...scenario, part: "owner" })).toBe(
      "A public bucket — whose failure",
    );
    expect(itemLabel("Which control?", { ...scenario, part: "control" })).toBe(
      "A public bucket — which control",
    );
    expect(kindName("SCENARIO")).toBe("scenario");
  });

  it("finds an option's text, and nothing for a key the spec does not offer", () => {
    const spec = { kind: "SPLIT" as const, control: "P", half: "AWS" as const, statements };
    expect(optionText(spec, "bb22")).toBe("Patches the guest.");
    expect(optionText(spec, "ffff")).toBeNull();
    expect(optionText(null, "bb22")).toBeNull();
    expect(optionText(spec, null)).toBeNull();
  });

  it("says which half is missed more, and nothing when they are alike or one is unanswered", () => {
    const half = (correctRate: number) => ({ itemId: "x", attempts: 4, correctRate });
    expect(missedHalf(half(0.9), half(0.4))).toBe("CUSTOMER");
    expect(missedHalf(half(0.25), half(0.75))).toBe("AWS");
    expect(missedHalf(half(0.5), half(0.5))).toBeNull();
    expect(missedHalf(null, half(0.5))).toBeNull();
  });
});
