import { describe, expect, it } from "vitest";
import { buildLibrary, formatProblem } from "./build-library";
import { parseNote } from "./parse-note";

const library = (notes: Record<string, string>) => buildLibrary(Object.entries(notes).map(([file, source]) => parseNote({ file, source })));

describe("buildLibrary", () => {
  const lib = library({
    "Hub.md": "#core\nLinks to [[Spoke]], [[Spoke Alias|the spoke]], [[spoke#Details]] and [[Nowhere]].\n",
    "Spoke.md": "---\naliases: [Spoke Alias]\ntags: [core, extra]\n---\n## Details\nBack to [[Hub]].\n",
  });

  it("resolves links by title, alias or slug, with heading anchors", () => {
    const hub = lib.bySlug.get("hub")!;
    expect(lib.resolve({ target: "Spoke" }, hub)).toEqual({ slug: "spoke", href: "/lessons/spoke" });
    expect(lib.resolve({ target: "spoke alias" }, hub)).toEqual({ slug: "spoke", href: "/lessons/spoke" });
    expect(lib.resolve({ target: "spoke", heading: "Details" }, hub).href).toBe("/lessons/spoke#details");
    expect(lib.resolve({ target: "", heading: "Details" }, lib.bySlug.get("spoke")).href).toBe("/lessons/spoke#details");
    expect(lib.resolve({ target: "Nowhere" }, hub)).toEqual({});
  });

  it("collects backlinks once per linking note", () => {
    expect(lib.backlinks.get("spoke")).toEqual(["hub"]);
    expect(lib.backlinks.get("hub")).toEqual(["spoke"]);
  });

  it("groups notes by lower-case tag, tags sorted", () => {
    expect([...lib.tags.entries()]).toEqual([
      ["core", ["hub", "spoke"]],
      ["extra", ["spoke"]],
    ]);
  });

  it("warns about links to unwritten notes with file and line", () => {
    const warning = lib.problems.find((p) => p.message.includes("Nowhere"));
    expect(warning && formatProblem(warning)).toBe('Hub.md:2: warning: link to unwritten note "Nowhere"');
  });

  it("reports two notes with one slug as an error and keeps the first", () => {
    const dup = library({ "a/Same Title.md": "one", "b/same title.md": "two" });
    expect(dup.notes).toHaveLength(1);
    expect(dup.problems).toContainEqual(expect.objectContaining({ severity: "error", file: "b/same title.md", message: expect.stringContaining('slug "same-title"') }));
  });

  it("warns about a link to a heading the note lacks", () => {
    const lib2 = library({ "A.md": "[[B#Missing]]", "B.md": "## Present" });
    expect(lib2.problems).toContainEqual(expect.objectContaining({ severity: "warning", message: '"B" has no heading "Missing"' }));
  });
});
