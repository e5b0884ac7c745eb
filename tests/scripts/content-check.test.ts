import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function contentCheck(contentDir: string) {
  const result = spawnSync(
    "npx",
    ["tsx", "--conditions=react-server", "scripts/content-check.ts"],
    {
      env: { ...process.env, CONTENT_DIR: contentDir },
      encoding: "utf8",
    },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("npm run content:check", () => {
  it("passes the shipped notes", () => {
    const { status, output } = contentCheck("content");
    expect(output).toMatch(/content:check: \d+ notes, \d+ quiz items, 0 error\(s\)/);
    expect(status).toBe(0);
  });

  it("prints file:line: message for each problem and exits non-zero on errors", () => {
    const { status, output } = contentCheck("tests/fixtures/bad-content");
    expect(status).toBe(1);
    expect(output).toContain("Broken Frontmatter.md:2: error: broken frontmatter");
    expect(output).toContain("Good Note.md:4: error: empty wiki link [[]]");
    expect(output).toContain('Good Note.md:4: warning: link to unwritten note "Missing Note"');
    expect(output).toContain(
      'Good Note.md:9: warning: term "Keys" repeats within section "Customer Responsibilities"',
    );
    expect(output).toContain(
      'good note.md:1: warning: "good note" is also the title of Good Note.md: this lesson\'s address comes from its file name, /lessons/good-note-2',
    );
    expect(output).toContain(
      "left out of the lessons and quizzes until fixed: Broken Frontmatter.md, Good Note.md",
    );
  });

  it("fails on the fixture vault's broken note, naming it, and counts the rest", () => {
    const { status, output } = contentCheck("tests/fixtures/vault");
    expect(status).toBe(1);
    expect(output).toContain("Broken.md:4: error: broken frontmatter");
    expect(output).toContain("left out of the lessons and quizzes until fixed: Broken.md");
    expect(output).toContain("content:check: 6 notes, 3 quiz items, 1 error(s), 3 warning(s)");
  });

  it("checks and counts incident scenarios, naming each error with file and line", () => {
    const { status, output } = contentCheck("tests/fixtures/scenarios");
    expect(status).toBe(1);
    expect(output).toContain("content:check: scenarios: 8 (7 with errors)");
    expect(output).toContain(
      'scenarios/Bad Fields.md:4: error: frontmatter field "owner" must be exactly one of AWS, Customer or Shared',
    );
    expect(output).toContain(
      'scenarios/Unknown Note.md:5: error: scenario names note "Amazon Nowhere", which is not in the library',
    );
    // The good scenario's two items join its first note's one.
    expect(output).toMatch(/content:check: 2 notes, 4 quiz items, \d+ error\(s\)/);
  });

  it("counts the service matrices and their cells, and passes a matrix its service notes agree with", () => {
    const { status, output } = contentCheck("tests/fixtures/service-matrix");
    expect(output).toContain(
      "content:check: 1 service matrix, 12 cells, 6 of them owned (quiz items), 6 empty",
    );
    expect(output).toContain("content:check: 3 notes, 12 quiz items, 0 error(s), 1 warning(s)");
    expect(status).toBe(0);
  });
});
