import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lessonComponents } from "@/components/lesson/lesson-components";
import { buildLibrary } from "@/lib/content/build-library";
import { MAX_MARKS_PER_BLOCK } from "@/lib/content/markdown-cost";
import { MAX_NOTE_BYTES, MAX_NOTE_LINES } from "@/lib/content/note-size";
import { previewNoteSchema } from "@/lib/validation/authoring";
import { previewNote } from "@/server/authoring/preview-note";
import { readContent } from "@/server/content/load-library";
import { LIMITS, RateLimited } from "@/server/http/rate-limit";
import { queryDatabase } from "../support/database-shape";
import { expectHttp } from "../support/expect-http";
import { peopleOf } from "../support/people";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const { people, person } = peopleOf(() => t.db);

beforeAll(async () => {
  t = await createTestDatabase();
  await person("teacher", "INSTRUCTOR");
  await person("busy", "INSTRUCTOR");
  await person("root", "ADMIN");
  await person("learner");
});

afterAll(async () => {
  await t.drop();
});

const NOTE = [
  "# Bucket Basics",
  "",
  "See [[Amazon S3]] and [[No Such Note]].",
  "",
  "## AWS responsibilities",
  "",
  "- **Storage hardware**: Replaces failed disks.",
  "- TODO: check this one",
  "",
  "## Customer responsibilities",
  "",
  "- **Bucket policies**: Writes who may read a bucket.",
  "",
  "<script>globalThis.pwned = true</script>",
  '<img src="/x.png" onerror="globalThis.pwned = true" alt="diagram">',
  "",
  "[click](javascript:globalThis.pwned=true)",
].join("\n");

const input = (source: string, file?: string) => previewNoteSchema.parse({ source, file });

/** Every table's row count: what a preview may leave behind. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await queryDatabase<{ name: string }>(
    t.url,
    t.kind === "sqlite"
      ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
      : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await queryDatabase<{ n: number | string }>(
      t.url,
      `SELECT COUNT(*) AS n FROM "${name}"`,
    );
    counts[name] = Number(row.n);
  }
  return counts;
}

describe("previewNote", () => {
  it("[INSTRUCTOR] gets the items, their rules and the warnings, and a sanitised lesson; nothing is stored but the rate count", async () => {
    const before = await rowCounts();
    const preview = await previewNote(t.db, people.teacher, input(NOTE), "192.0.2.10");
    expect(preview.report.title).toBe("Bucket Basics");
    expect(preview.report.items.map((i) => [i.prompt, i.owner, i.source?.rule])).toEqual([
      ["Storage hardware", "AWS", "aws-responsibilities"],
      ["Bucket policies", "CUSTOMER", "customer-responsibilities"],
    ]);
    expect(preview.report.problems.map((p) => [p.line, p.severity])).toEqual([
      [3, "warning"],
      [8, "warning"],
    ]);

    const html = renderToStaticMarkup(
      createElement(preview.Content!, { components: lessonComponents }),
    );
    expect(html).toContain('href="/lessons/amazon-s3"');
    expect(html).toContain("(not written yet)");
    expect(html).not.toMatch(/<script|\sonerror=|href="javascript:/i);
    expect(html).toContain('<img src="/x.png" alt="diagram"/>');
    expect(html).toContain("&lt;script&gt;");

    const after = await rowCounts();
    const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
    expect(changed).toEqual([expect.stringMatching(/^"?RateLimit"?$/i)]);
  });

  it("[LEARNER] is refused: the page and its route are for those who teach", async () => {
    await expectHttp(previewNote(t.db, people.learner, input(NOTE), "192.0.2.11"), 403);
    expect((await previewNote(t.db, people.root, input(NOTE), "192.0.2.11")).report.slug).toBe(
      "bucket-basics",
    );
  });

  it("refuses a note over the build's limits with its size, on the note's field", async () => {
    const error = await expectHttp(
      previewNote(t.db, people.teacher, input("x".repeat(2 * 1024 * 1024)), "192.0.2.12"),
      413,
    );
    expect(error.message).toBe("This note is 2.0 MB; the limit is 512 KB.");
    expect(error.fields).toEqual({ source: [error.message] });
    const lines = await expectHttp(
      previewNote(t.db, people.teacher, input("a\n".repeat(MAX_NOTE_LINES)), "192.0.2.12"),
      413,
    );
    expect(lines.message).toBe("This note has 10,001 lines; the limit is 10,000.");
    // Exactly the limit is fine.
    const largest = `# Large\n\n${"x".repeat(MAX_NOTE_BYTES - 9)}`;
    expect(
      (await previewNote(t.db, people.teacher, input(largest), "192.0.2.12")).Content,
    ).toBeDefined();
  });

  it("[ATTACKER] does not render a paragraph that would take markdown quadratic time, and says where it is", async () => {
    const costly = `# Costly\n\nFine.\n\n${"*a".repeat(50_000)}\n`;
    const started = performance.now();
    const preview = await previewNote(t.db, people.teacher, input(costly), "192.0.2.13");
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(preview.Content).toBeUndefined();
    expect(preview.report.problems[0]).toMatchObject({ line: 5, severity: "error" });
    expect(preview.report.problems[0].message).toContain(`up to ${MAX_MARKS_PER_BLOCK}`);
  });

  it(`[ATTACKER] allows ${LIMITS.notePreview.perUser} previews per user in ${LIMITS.notePreview.windowMs / 60_000} minutes`, async () => {
    const note = input("# Short\n\nText.\n");
    for (let i = 0; i < LIMITS.notePreview.perUser; i++)
      await previewNote(t.db, people.busy, note, `192.0.2.${100 + i}`);
    const refused = await expectHttp(previewNote(t.db, people.busy, note, "192.0.2.200"), 429);
    expect(refused).toBeInstanceOf(RateLimited);
    expect(refused.message).toMatch(/^Too many note previews, try again in \d+ minutes?\.$/);
    // Another author is not held up by it.
    await previewNote(t.db, people.teacher, note, "192.0.2.201");
  });
});

describe("the content build", () => {
  it("leaves out a note over the preview's limits, with the preview's message", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "note-limits-"));
    try {
      fs.mkdirSync(path.join(root, "notes"));
      const write = (name: string, text: string) =>
        fs.writeFileSync(path.join(root, "notes", name), text);
      write("Fine.md", "# Fine\n\n## AWS responsibilities\n\n- **Hardware**: Disks.\n");
      write("Huge.md", `# Huge\n\n${"x".repeat(MAX_NOTE_BYTES + 1)}`);
      write("Long.md", `# Long\n\n${"a\n".repeat(MAX_NOTE_LINES)}`);
      const { notes, ...extras } = readContent(root);
      const library = buildLibrary(notes, extras);
      expect(library.notes.map((n) => n.title)).toEqual(["Fine"]);
      expect(library.problems.filter((p) => p.severity === "error")).toEqual([
        {
          file: "notes/Huge.md",
          line: 1,
          severity: "error",
          message: "This note is 513 KB; the limit is 512 KB.",
        },
        {
          file: "notes/Long.md",
          line: 1,
          severity: "error",
          message: "This note has 10,003 lines; the limit is 10,000.",
        },
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
