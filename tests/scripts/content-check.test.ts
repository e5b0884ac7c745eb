import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
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
    // Issue 23: every item cites the AWS page behind its owner, nothing gives an owner away, and no
    // control is given two owners.
    expect(output).toMatch(
      /content:check: (\d+) of \1 quiz items cite an AWS page for their owner \(100%\)/,
    );
    expect(output).toContain(
      "content:check: 0 owner leak(s) before grading, 0 control(s) given two owners",
    );
    expect(status).toBe(0);
  });

  it("fails when the same control on the same service gets two owners, naming both lines", () => {
    const { status, output } = contentCheck("tests/fixtures/same-control");
    expect(status).toBe(1);
    expect(output).toContain(
      'notes/Amazon RDS.md:32: error: "Runtime or engine patching" on Amazon RDS is Shared here, ' +
        'but notes/Amazon RDS.md:14 makes "Database Engine Maintenance" AWS',
    );
    expect(output).toContain("1 control(s) given two owners");
  });

  it("fails the curated content on a description that names the owner, and only warns a vault of one's own", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "content-check-"));
    try {
      fs.cpSync("content", root, { recursive: true });
      const file = path.join(root, "notes", "Amazon EC2.md");
      const lines = fs.readFileSync(file, "utf8").split("\n");
      const at = lines.findIndex((line) => line.startsWith("  - What it is: "));
      lines[at] = "  - What it is: Patching the guest OS is the customer's job.";
      fs.writeFileSync(file, lines.join("\n"));
      const curated = contentCheck(root);
      expect(curated.status).toBe(1);
      expect(curated.output).toContain(`notes/Amazon EC2.md:${at + 1}: error: the description of`);
      expect(curated.output).toContain(`says "customer's"`);
      fs.rmSync(path.join(root, ".curated"));
      const own = contentCheck(root);
      expect(own.status).toBe(0);
      expect(own.output).toContain(`notes/Amazon EC2.md:${at + 1}: warning: the description of`);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("prints file:line: message for each problem and exits non-zero on errors", () => {
    const { status, output } = contentCheck("tests/fixtures/bad-content");
    expect(status).toBe(1);
    // Frontmatter that does not parse is ignored with a warning: the note is still a lesson.
    expect(output).toContain("Broken Frontmatter.md:2: warning: broken frontmatter");
    expect(output).toContain("Good Note.md:4: error: empty wiki link [[]]");
    expect(output).toContain('Good Note.md:4: warning: link to unwritten note "Missing Note"');
    expect(output).toContain(
      'Good Note.md:9: warning: term "Keys" repeats within section "Customer Responsibilities"',
    );
    expect(output).toContain(
      'good note.md:1: warning: "good note" is also the title of Good Note.md: this lesson\'s address comes from its file name, /lessons/good-note-2',
    );
    expect(output).toContain("left out of the lessons and quizzes until fixed: Good Note.md");
  });

  it("fails on the fixture vault's broken note, naming it, and counts the rest", () => {
    const { status, output } = contentCheck("tests/fixtures/vault");
    expect(status).toBe(1);
    expect(output).toContain("Broken.md:4: error: broken frontmatter");
    expect(output).toContain("left out of the lessons and quizzes until fixed: Broken.md");
    expect(output).toContain("content:check: 6 notes, 3 quiz items, 1 error(s), 6 warning(s)");
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
    expect(output).toContain("content:check: 3 notes, 12 quiz items, 0 error(s), 2 warning(s)");
    expect(status).toBe(0);
  });
});
