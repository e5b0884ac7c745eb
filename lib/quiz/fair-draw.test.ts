import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { askEachControlOnce, askedFirst, splitParentKey } from "./fair-draw";

const item = (key: string, noteSlug = "ec2") => ({ key, noteSlug });

describe("askEachControlOnce", () => {
  it("names the control a half belongs to", () => {
    expect(splitParentKey("split:Patch management:aws")).toBe("Patch management");
    expect(splitParentKey("split:A: B:customer")).toBe("A: B");
    expect(splitParentKey("Patch management")).toBeNull();
  });

  it("asks a Shared control's owner or its halves, never both, as the random pick says", () => {
    const items = [
      item("Patch management"),
      item("split:Patch management:aws"),
      item("split:Patch management:customer"),
      item("Guest OS"),
    ];
    expect(askEachControlOnce(items, () => false).map((i) => i.key)).toEqual([
      "Patch management",
      "Guest OS",
    ]);
    expect(askEachControlOnce(items, () => true).map((i) => i.key)).toEqual([
      "split:Patch management:aws",
      "split:Patch management:customer",
      "Guest OS",
    ]);
  });

  it("leaves halves alone when their control is not asked, and controls of other notes apart", () => {
    const items = [
      item("split:Backups:aws"),
      item("split:Backups:customer"),
      item("Backups", "rds"),
    ];
    expect(askEachControlOnce(items, () => false)).toEqual(items);
  });

  it("never keeps a control beside one of its halves, whatever the items and the pick", () => {
    const keys = fc.constantFrom("A", "B", "split:A:aws", "split:A:customer", "split:B:aws", "C");
    fc.assert(
      fc.property(fc.uniqueArray(keys), fc.boolean(), (drawn, pick) => {
        const kept = askEachControlOnce(
          drawn.map((key) => item(key)),
          () => pick,
        ).map((i) => i.key);
        for (const key of kept) {
          const parent = splitParentKey(key);
          if (parent) expect(kept).not.toContain(parent);
        }
        // Only conflicting items go: a control without halves in the draw always stays.
        if (drawn.includes("C")) expect(kept).toContain("C");
      }),
    );
  });

  it("keeps the way that comes first, for a review of the cards due soonest", () => {
    const due = [item("split:Backups:aws"), item("Backups"), item("split:Backups:customer")];
    expect(askEachControlOnce(due, askedFirst(due)).map((i) => i.key)).toEqual([
      "split:Backups:aws",
      "split:Backups:customer",
    ]);
  });
});
