import { describe, expect, it } from "vitest";
import { DEFAULT_PREVIEW_FILE, previewNoteSchema } from "./authoring";

/** Each field's messages, joined. */
const fieldsOf = (input: unknown) => {
  const parsed = previewNoteSchema.safeParse(input);
  const fields: Record<string, string> = {};
  if (parsed.success) return fields;
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0]);
    fields[key] = fields[key] ? `${fields[key]} ${issue.message}` : issue.message;
  }
  return fields;
};

describe("previewNoteSchema", () => {
  it("takes a note alone, under the default file name", () => {
    expect(previewNoteSchema.parse({ source: "# Note" })).toEqual({
      file: DEFAULT_PREVIEW_FILE,
      source: "# Note",
    });
    expect(previewNoteSchema.parse({ file: "  ", source: "x" }).file).toBe(DEFAULT_PREVIEW_FILE);
  });

  it("keeps a .md name and gives one without an extension .md", () => {
    expect(previewNoteSchema.parse({ file: "Amazon S3.md", source: "x" }).file).toBe(
      "Amazon S3.md",
    );
    expect(previewNoteSchema.parse({ file: "Amazon S3", source: "x" }).file).toBe("Amazon S3.md");
    expect(previewNoteSchema.parse({ file: "Notes.MD", source: "x" }).file).toBe("Notes.MD");
  });

  it("refuses an .mdx name, which could run code, and a path", () => {
    expect(fieldsOf({ file: "Lesson.mdx", source: "x" }).file).toMatch(/Only \.md notes/);
    expect(fieldsOf({ file: "../secrets.md", source: "x" }).file).toMatch(/name only/);
    expect(fieldsOf({ file: ".hidden.md", source: "x" }).file).toMatch(/dot/);
    expect(fieldsOf({ file: "a\u0000b.md", source: "x" }).file).toMatch(/control/);
    expect(fieldsOf({ file: "x".repeat(121), source: "x" }).file).toMatch(/120/);
  });

  it("names the field for a missing, empty or mistyped note, and unknown fields", () => {
    expect(fieldsOf({})).toEqual({ source: expect.stringMatching(/must be text/) });
    expect(fieldsOf({ source: "  \n" })).toEqual({ source: expect.stringMatching(/empty/) });
    expect(fieldsOf({ source: 42, file: 7 })).toEqual({
      source: expect.stringMatching(/must be text/),
      file: "File name must be text",
    });
    expect(previewNoteSchema.safeParse({ source: "x", save: true }).success).toBe(false);
  });
});
