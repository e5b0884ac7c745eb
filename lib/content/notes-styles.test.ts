import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseNote } from "./parse-note";
import { classifyHeading } from "./responsibility-headings";

// One note per way people write responsibilities, each with the items and problems it must give.
const DIR = path.join(__dirname, "../../tests/fixtures/notes-styles");
const notes = fs.readdirSync(DIR).filter((file) => file.endsWith(".md"));

function expected(stem: string, kind: "items" | "problems"): unknown {
  return JSON.parse(fs.readFileSync(path.join(DIR, `${stem}.${kind}.json`), "utf8"));
}

function parseFixture(file: string) {
  return parseNote({ file, source: fs.readFileSync(path.join(DIR, file), "utf8") });
}

describe("notes as people write them", () => {
  it("has at least eight styles", () => {
    expect(notes.length).toBeGreaterThanOrEqual(8);
  });

  it.each(notes)("%s gives exactly the expected items and problems", (file) => {
    const parsed = parseFixture(file);
    const stem = file.replace(/\.md$/, "");
    const items = parsed.items.map((i) => ({ term: i.prompt, owner: i.owner, line: i.line }));
    expect(items).toEqual(expected(stem, "items"));
    const problems = parsed.problems.map(({ line, severity, message }) => ({ line, severity, message }));
    expect(problems).toEqual(expected(stem, "problems"));
  });

  it("never makes a Customer item of an AWS managed policy under a customer-managed heading", () => {
    const parsed = parseFixture("Customer Managed Near Miss.md");
    expect(parsed.items.map((i) => i.prompt)).toEqual(["IAM user permissions"]);
  });

  it("lets frontmatter quiz: win over a near-miss heading", () => {
    const parsed = parseFixture("Frontmatter Override.md");
    expect(classifyHeading("How AWS handles encryption")).toHaveProperty("nearMiss");
    expect(parsed.items.filter((i) => i.owner === "AWS").map((i) => i.source?.rule)).toEqual([
      "frontmatter quiz:",
      "frontmatter quiz:",
    ]);
    expect(parsed.problems.filter((p) => p.strict !== "owner-leak")).toEqual([]);
  });

  it("never takes a summary or an item from badges, images or HTML", () => {
    const parsed = parseFixture("HTML and Badges.md");
    expect(parsed.summary).toBe(
      "AWS secures the cloud itself; badges, images and HTML around the text are never quiz items.",
    );
    for (const item of parsed.items) expect(item.prompt).not.toMatch(/status|rack|img|shield|!\[/i);
  });

  it("keeps a plain sentence whole, with no explanation", () => {
    const [first] = parseFixture("Plain Sentences.md").items;
    expect(first).toMatchObject({
      prompt: "Data centre access is restricted, logged and watched around the clock.",
      detail: "",
      key: "Data centre access is restricted, logged and watched around the clock.",
    });
  });
});

// Pieces of markdown a note could be built from: headings that are, nearly are, and are not
// responsibility sections, bullets in every form, tables, code and frontmatter-free noise.
const OWNER_WORDS = ["AWS", "Customer", "Shared", "You", "Both", "customer-managed", "AWS-managed"];
const headingText = fc.oneof(
  fc.constantFrom(
    "AWS responsibilities",
    "Customer Responsibilities",
    "Shared controls",
    "Security OF the cloud",
    "Security IN the cloud",
    "What AWS manages",
    "What you manage",
    "Managed and customer-managed policies",
    "How AWS handles encryption",
    "AWS and customer responsibilities",
    "Who does what",
    "Responsibility by layer",
    "Variation by Service",
    "Related Concepts",
    "AWS",
    "🛡️ 1. AWS responsibilities:",
  ),
  fc
    .tuple(fc.constantFrom(...OWNER_WORDS, "the", "of", "in", "responsibilities", "cloud"), fc.string())
    .map(([a, b]) => `${a} ${b}`),
);
const cell = fc.oneof(fc.constantFrom(...OWNER_WORDS, "—", "", "AWS and customer"), fc.string());
const block = fc.oneof(
  headingText.map((t) => `## ${t}`),
  headingText.map((t) => `- ### ${t}`),
  fc.tuple(fc.constantFrom("-", "*", "+", "  -", "1."), fc.string()).map(([b, s]) => `${b} ${s}`),
  fc.tuple(fc.string(), fc.constantFrom(": ", " — ", " - ", "**: ", ""), fc.string()).map(
    ([t, sep, e]) => `- **${t}${sep}${e}`,
  ),
  fc
    .tuple(fc.array(cell, { minLength: 1, maxLength: 4 }), fc.array(fc.array(cell), { maxLength: 3 }))
    .map(([head, rows]) =>
      [head, head.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n"),
    ),
  fc.constantFrom("```", "![[missing]]", "[![b](x)](y)", "<img src=x>", "**", "|", ""),
  fc.string(),
);

describe("parsing arbitrary markdown", () => {
  it("never throws, and never makes an item from a section the rules do not name, but for owner columns", () => {
    let made = 0;
    fc.assert(
      fc.property(fc.array(block, { maxLength: 25 }), (blocks) => {
        const parsed = parseNote({ file: "notes/Fuzz.md", source: blocks.join("\n") });
        made += parsed.items.length;
        for (const item of parsed.items) {
          if (item.kind !== "ASSIGN") continue;
          // Under any heading, a table whose columns name the owners gives each cell its column's owner.
          if (item.source?.rule === "table column") continue;
          const heading = item.source?.heading ?? "";
          const found = classifyHeading(heading);
          expect(found && "owner" in found).toBe(true);
          if (found && "owner" in found && found.owner !== "TABLE") expect(item.owner).toBe(found.owner);
        }
      }),
      { numRuns: 500 },
    );
    // The alphabet must reach the item-making paths, or the property says nothing.
    expect(made).toBeGreaterThan(50);
  });
});
