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

  it("keeps two notes with one title as two lessons, the second at its file name's slug, with a warning", () => {
    const dup = library({ "a/Same Title.md": "one", "b/same title.md": "two" });
    expect(dup.notes.map((n) => [n.file, n.slug])).toEqual([
      ["a/Same Title.md", "same-title"],
      ["b/same title.md", "same-title-b"],
    ]);
    expect(dup.problems).toContainEqual(
      expect.objectContaining({ severity: "warning", file: "b/same title.md", message: expect.stringContaining("/lessons/same-title-b") }),
    );
  });

  it("never hands a clashing title's slug to a file not named for it, whatever the order", () => {
    const notes = { "x.md": "# Shared\n", "y.md": "# Shared\n" };
    const forwards = library(notes);
    const backwards = buildLibrary(Object.entries(notes).reverse().map(([file, source]) => parseNote({ file, source })));
    expect(forwards.notes.map((n) => n.slug)).toEqual(["x", "y"]);
    expect(backwards.notes.map((n) => n.slug)).toEqual(["x", "y"]);
  });

  it("leaves a note with an error out, keeping its problems", () => {
    const lib2 = library({ "Good.md": "Fine.", "Bad.md": "An empty [[]] link." });
    expect(lib2.notes.map((n) => n.file)).toEqual(["Good.md"]);
    expect(lib2.leftOut.map((n) => n.file)).toEqual(["Bad.md"]);
    expect(lib2.problems).toContainEqual(expect.objectContaining({ file: "Bad.md", severity: "error" }));
  });

  it("resolves a link by file name before alias and title, nearest the linking note first", () => {
    const lib2 = library({
      "Target.md": "# Another Title\n",
      "Aliased.md": "---\naliases: [Target]\n---\n",
      "Titled.md": "# Target\n",
      "a/Same.md": "x",
      "b/Same.md": "x",
      "b/From.md": "[[Same]] [[../a/Same]] [[a/Same]]",
    });
    const from = lib2.notes.find((n) => n.file === "b/From.md");
    expect(lib2.resolve({ target: "Target" }).slug).toBe("another-title");
    expect(lib2.resolve({ target: "Same" }, from)).toMatchObject({ slug: lib2.notes.find((n) => n.file === "b/Same.md")?.slug });
    expect(lib2.resolve({ target: "../a/Same" }, from).slug).toBe("same");
    expect(lib2.resolve({ target: "a/Same" }, from).slug).toBe("same");
  });

  it("warns about a link to a heading the note lacks", () => {
    const lib2 = library({ "A.md": "[[B#Missing]]", "B.md": "## Present" });
    expect(lib2.problems).toContainEqual(expect.objectContaining({ severity: "warning", message: '"B" has no heading "Missing"' }));
  });

  it("maps a renamed note's former slugs to its slug, and refuses one that is taken or malformed", () => {
    const renamed = library({
      "AWS CloudTrail.md": "---\naliases: [Amazon CloudTrail]\nformerSlugs: [amazon-cloudtrail]\n---\n# AWS CloudTrail\n",
      "Hub.md": "See [[Amazon CloudTrail]].\n",
    });
    expect([...renamed.formerSlugs]).toEqual([["amazon-cloudtrail", "aws-cloudtrail"]]);
    expect(renamed.resolve({ target: "Amazon CloudTrail" }).href).toBe("/lessons/aws-cloudtrail");
    expect(renamed.problems).toEqual([]);

    const clash = library({
      "A.md": "---\nformerSlugs: [b]\n---\n# A\n",
      "B.md": "# B\n",
      "C.md": "---\nformerSlugs: [Not A Slug, c]\n---\n# C\n",
    });
    expect(clash.formerSlugs.size).toBe(0);
    expect(clash.problems.map(formatProblem)).toEqual([
      'C.md:1: error: formerSlugs: "Not A Slug" is not a lesson slug (lower case, digits and dashes, as in the old address /lessons/<slug>)',
      'C.md:1: error: formerSlugs: "c" is the note\'s own slug',
      'A.md:1: error: formerSlugs: "b" is the slug of B.md',
    ]);
  });
});
