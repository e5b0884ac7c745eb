import { describe, expect, it } from "vitest";
import { buildNotePreview, type PreviewContent } from "./note-preview";
import { parseNote } from "./parse-note";

const shipped = (): PreviewContent => ({
  notes: [
    parseNote({
      file: "notes/Amazon S3.md",
      source: [
        "# Amazon S3",
        "",
        "## AWS responsibilities",
        "",
        "- **Storage hardware**: Replaces failed disks.",
        "",
        "## Customer responsibilities",
        "",
        "- **Bucket policies**: Writes who may read a bucket.",
      ].join("\n"),
    }),
  ],
});

const NOTE = [
  "# Bucket Basics", // 1
  "",
  "See [[Amazon S3]], [[No Such Note]] and [[#Customer responsibilities]].", // 3
  "",
  "## AWS responsibilities", // 5
  "",
  "- **Physical security**: Guards the data centres.", // 7
  "- TODO: check this one", // 8
  "",
  "## Customer responsibilities", // 10
  "",
  "- **Object encryption**: Turns on default encryption.", // 12
].join("\n");

describe("buildNotePreview", () => {
  it("lists each item with its owner and the heading and rule it came from", () => {
    const { report } = buildNotePreview({ file: "Preview.md", source: NOTE }, shipped());
    expect(report).toMatchObject({
      file: "Preview.md",
      title: "Bucket Basics",
      slug: "bucket-basics",
      replaces: null,
      leftOut: false,
    });
    expect(report.items).toEqual([
      {
        prompt: "Physical security",
        label: "Physical security",
        owner: "AWS",
        kind: "assign",
        line: 7,
        serviceModel: null,
        source: { heading: "AWS responsibilities", line: 5, rule: "aws-responsibilities" },
      },
      {
        prompt: "Object encryption",
        label: "Object encryption",
        owner: "CUSTOMER",
        kind: "assign",
        line: 12,
        serviceModel: null,
        source: {
          heading: "Customer responsibilities",
          line: 10,
          rule: "customer-responsibilities",
        },
      },
    ]);
  });

  it("reports every warning by line, those only the other notes reveal too", () => {
    const { report } = buildNotePreview({ file: "Preview.md", source: NOTE }, shipped());
    expect(report.problems.map((p) => [p.line, p.severity, p.message])).toEqual([
      [3, "warning", 'link to unwritten note "No Such Note"'],
      [8, "warning", expect.stringContaining("TODO: check this one")],
    ]);
  });

  it("leads links to shipped lessons, keeps links to itself on the page, and leaves unwritten ones", () => {
    const { resolve } = buildNotePreview({ file: "Preview.md", source: NOTE }, shipped());
    expect(resolve({ target: "Amazon S3" }).href).toBe("/lessons/amazon-s3");
    expect(resolve({ target: "No Such Note" })).toEqual({});
    expect(resolve({ target: "", heading: "Customer responsibilities" }).href).toBe(
      "#customer-responsibilities",
    );
    expect(resolve({ target: "Bucket Basics" }).href).toBe("#");
  });

  it("stands in for the shipped note of the same file name, and is not checked against it", () => {
    const edited = "# Amazon S3\n\n## Customer responsibilities\n\n- **Storage hardware**: Hmm.\n";
    const { report } = buildNotePreview({ file: "Amazon S3.md", source: edited }, shipped());
    expect(report.replaces).toBe("notes/Amazon S3.md");
    expect(report.file).toBe("notes/Amazon S3.md");
    expect(report.slug).toBe("amazon-s3");
    expect(report.problems).toEqual([]);
  });

  it("beside a shipped note of the same title, says which address each one gets", () => {
    const { report } = buildNotePreview(
      { file: "S3 again.md", source: "# Amazon S3\n\nText.\n" },
      shipped(),
    );
    expect(report.slug).toBe("s3-again");
    expect(report.problems[0].message).toMatch(/also the title of notes\/Amazon S3\.md/);
  });

  it("says a note with an error would be left out, and still lists what it holds", () => {
    const broken = `---\ntitle: Broken\nquiz: [\n---\n${NOTE.split("\n").slice(1).join("\n")}`;
    const { report } = buildNotePreview({ file: "Broken.md", source: broken }, shipped());
    expect(report.leftOut).toBe(true);
    expect(report.problems.some((p) => p.severity === "error")).toBe(true);
    expect(report.items.length).toBeGreaterThan(0);
  });

  it("never changes the content it reads beside", () => {
    const content = shipped();
    const before = JSON.stringify(content);
    buildNotePreview({ file: "Amazon S3.md", source: NOTE }, content);
    buildNotePreview({ file: "Preview.md", source: NOTE }, content);
    expect(JSON.stringify(content)).toBe(before);
  });

  it("previews .md notes only: an .mdx note may run code", () => {
    expect(() => buildNotePreview({ file: "Lesson.mdx", source: "x" }, shipped())).toThrow(/\.md/);
  });
});
