import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function contentCheck(contentDir: string, args: string[] = []) {
  const result = spawnSync(
    "npx",
    ["tsx", "--conditions=react-server", "scripts/content-check.ts", ...args],
    { env: { ...process.env, CONTENT_DIR: contentDir }, encoding: "utf8" },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("npm run content:check -- --items", () => {
  it("prints each named note's items with owner, line and the heading the owner came from", () => {
    const { status, output } = contentCheck("content", ["--items", "AWS Shield", "aws-iam"]);
    expect(status).toBe(0);
    expect(output).toContain("notes/AWS Shield.md (aws-shield): 9 quiz item(s)");
    expect(output).toContain(
      'AWS      Infrastructure DDoS Protection  ← notes/AWS Shield.md:11, from "AWS Responsibilities" (line 9, aws-responsibilities)',
    );
    expect(output).toContain("notes/AWS IAM.md (aws-iam): 8 quiz item(s)");
    // Only the named notes' items (other notes may still print warnings).
    expect(output).not.toContain("AWS Artifact.md (aws-artifact)");
  });

  it("says when a named note does not exist", () => {
    expect(contentCheck("content", ["--items", "No Such Note"]).output).toContain(
      'content:check: no note named "No Such Note"',
    );
  });

  it("warns, file:line, about every note style it cannot read, and fails on loose one-owner notes", () => {
    const { status, output } = contentCheck("tests/fixtures/notes-styles", ["--items"]);
    expect(status).toBe(1);
    for (const line of [
      'Colon Without Bold.md:12: warning: bullet "Disk disposal" has a term but no explanation',
      'Colon Without Bold.md:18: warning: bullet "Client-side encryption" opens bold (**) and never closes it',
      'Customer Managed Near Miss.md:6: warning: heading "Managed and customer-managed policies" looks like a responsibility section but is not taken',
      "HTML and Badges.md:1: warning: embed ![[logo.png]] resolves to nothing",
      'List Headings.md:5: warning: heading "AWS responsibilities" is inside a list item',
      "Loose Headings Only.md:5: error: every quiz item in this note would be AWS",
      'Owner Cell Table.md:13: warning: row "Encryption" is skipped',
      "Talks But Yields Nothing.md:3: warning: note talks about responsibilities (line 3) but yields no quiz items",
      'CUSTOMER Guest OS patching  ← Owner Columns Table.md:9, from "Who does what" (line 5, who-does-what, table column)',
    ]) {
      expect(output).toContain(line);
    }
  });
});
