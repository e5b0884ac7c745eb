import type { Library } from "./build-library";
import { describe, expect, it } from "vitest";
import { FALLBACK_GROUP, catalogOf, groupLessons, lessonGroupOf } from "./lesson-groups";

const n = (slug: string, tags: string[], group?: string) => ({ slug, tags, group });

describe("lesson groups", () => {
  it("derives a group from the tags, service models before concepts", () => {
    expect(lessonGroupOf(n("seed", ["aws", "concept"]))).toBe("Foundations");
    expect(lessonGroupOf(n("iaas", ["aws", "concept", "servicemodel"]))).toBe("Service models");
    expect(lessonGroupOf(n("kms", ["aws", "service", "encryption"]))).toBe("AWS services");
    expect(lessonGroupOf(n("misc", ["aws"]))).toBe(FALLBACK_GROUP);
  });

  it("lets frontmatter group win", () => {
    expect(lessonGroupOf(n("x", ["service"], "Deep dives"))).toBe("Deep dives");
  });

  it("lists each lesson once, groups in a fixed order", () => {
    const groups = groupLessons([
      n("kms", ["aws", "service"]),
      n("misc", []),
      n("iaas", ["concept", "servicemodel"]),
      n("deep", ["service"], "Deep dives"),
      n("seed", ["aws", "concept"]),
    ]);
    expect(groups.map((g) => [g.name, g.notes.map((x) => x.slug)])).toEqual([
      ["Foundations", ["seed"]],
      ["Service models", ["iaas"]],
      ["AWS services", ["kms"]],
      ["Deep dives", ["deep"]],
      [FALLBACK_GROUP, ["misc"]],
    ]);
  });

  it("counts lessons per tag for the filter, leaving out a tag nearly every lesson carries", () => {
    const note = (slug: string) => ({ slug, title: slug, summary: "", items: [], group: undefined, tags: [] });
    const { tags, lessons } = catalogOf({
      notes: ["a", "b", "c", "d"].map(note) as unknown as Library["notes"],
      tags: new Map([
        ["aws", ["a", "b", "c", "d"]],
        ["compute", ["a", "b", "c"]],
        ["iam", ["b"]],
      ]),
    });
    expect(tags).toEqual([
      { tag: "compute", count: 3 },
      { tag: "iam", count: 1 },
    ]);
    expect(lessons.map((l) => l.slug)).toEqual(["a", "b", "c", "d"]);
  });

});
