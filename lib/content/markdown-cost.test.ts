import { describe, expect, it } from "vitest";
import { findCostlyBlock, MAX_MARKS_PER_BLOCK } from "./markdown-cost";

describe("findCostlyBlock", () => {
  it("passes a note of ordinary emphasis and links, however long", () => {
    const bullet = "- **Bucket policies**: Writes [[Amazon S3|who]] may read _a_ bucket.";
    expect(findCostlyBlock(Array.from({ length: 5000 }, () => bullet).join("\n"))).toBeUndefined();
    const row = "| **Patching** | *AWS* | [docs](https://example.com) |";
    expect(findCostlyBlock(Array.from({ length: 5000 }, () => row).join("\n"))).toBeUndefined();
  });

  it("finds the paragraph whose marks would take markdown quadratic time, by its first line", () => {
    const note = ["# Title", "", "Fine *text*.", "", "*a".repeat(200), "*a".repeat(200), ""];
    expect(findCostlyBlock(note.join("\n"))).toEqual({ line: 5, marks: 400 });
  });

  it("counts a heading, a list item and a run of one mark alone", () => {
    expect(findCostlyBlock(`# ${"*a".repeat(MAX_MARKS_PER_BLOCK + 1)}`)?.line).toBe(1);
    expect(findCostlyBlock(`- x\n- ${"[a](".repeat(MAX_MARKS_PER_BLOCK + 1)}`)?.line).toBe(2);
    expect(findCostlyBlock(`${"*".repeat(400)}a${"*".repeat(400)}`)?.marks).toBe(800);
  });

  it("lets exactly the limit through, and skips fenced code", () => {
    expect(findCostlyBlock("_".repeat(MAX_MARKS_PER_BLOCK))).toBeUndefined();
    expect(findCostlyBlock(`\`\`\`\n${"*".repeat(5000)}\n\`\`\`\nAfter.`)).toBeUndefined();
  });
});
