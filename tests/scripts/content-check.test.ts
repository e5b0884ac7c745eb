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
    expect(output).toMatch(/good note\.md:1: error: two notes have the slug "good-note"/i);
  });
});
