import { describe, expect, it } from "vitest";
import { classifyHeading } from "./responsibility-headings";
import {
  isServiceMatrixHeading,
  isServiceVariationHeading,
  matrixSectionAnchor,
  outlineLevels,
  studyLabels,
} from "./sections";

describe("outlineLevels", () => {
  it("starts at h2 and never skips a level", () => {
    expect(outlineLevels([3, 3, 3])).toEqual([2, 2, 2]);
    expect(outlineLevels([2, 4, 3, 2])).toEqual([2, 3, 3, 2]);
    expect(outlineLevels([1, 2, 6])).toEqual([2, 3, 4]);
    expect(outlineLevels([])).toEqual([]);
  });
});

describe("studyLabels", () => {
  const headings = [
    { text: "AWS Responsibilities", anchor: "aws-responsibilities" },
    { text: "Customer Responsibilities", anchor: "customer-responsibilities" },
    { text: "Variation by Service", anchor: "variation-by-service" },
    { text: "Shared Controls", anchor: "shared-controls" },
  ];
  const owners = {
    "AWS Responsibilities": "AWS",
    "Customer Responsibilities": "CUSTOMER",
    "Shared Controls": "SHARED",
  } as const;

  it("numbers the responsibility sections neutrally, in reading order", () => {
    expect([...studyLabels(headings, owners)]).toEqual([
      ["aws-responsibilities", "Controls (1 of 3)"],
      ["customer-responsibilities", "Controls (2 of 3)"],
      ["shared-controls", "Controls (3 of 3)"],
    ]);
  });

  it("never names an owner", () => {
    for (const label of studyLabels(headings, owners).values()) {
      expect(label).not.toMatch(/aws|customer|shared|amazon|provider/i);
    }
  });

  it("finds the section that shows the service matrix", () => {
    expect(matrixSectionAnchor(headings, owners)).toBe("variation-by-service");
    expect(matrixSectionAnchor(headings.slice(0, 2), owners)).toBeUndefined();
  });
});

describe("isServiceMatrixHeading", () => {
  it('takes "Service matrix", alone or qualified, whatever the case, numbering or emoji', () => {
    for (const heading of [
      "Service matrix",
      "service MATRIX",
      "2. Service matrix",
      "🧭 Service matrix:",
      "Service matrix: storage",
      "Service matrix (compute)",
      "Service matrix — by control",
    ]) {
      expect(isServiceMatrixHeading(heading), heading).toBe(true);
    }
  });

  it("leaves other headings alone", () => {
    for (const heading of [
      "Responsibility matrix",
      "Responsibility matrix by service",
      "Service matrices explained",
      "The service matrix",
      "Variation by Service",
    ]) {
      expect(isServiceMatrixHeading(heading), heading).toBe(false);
    }
  });

  it("never clashes with the owner patterns or the service-model section", () => {
    // A service matrix names services in its columns; "Responsibility matrix" tables name owners.
    expect(classifyHeading("Service matrix")).toBeNull();
    expect(classifyHeading("Service matrix: storage")).toBeNull();
    expect(isServiceVariationHeading("Service matrix")).toBe(false);
    expect(classifyHeading("Responsibility matrix")).toMatchObject({ owner: "TABLE" });
    expect(isServiceMatrixHeading("Responsibility matrix")).toBe(false);
  });
});
