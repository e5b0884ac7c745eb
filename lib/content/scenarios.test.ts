import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildLibrary, formatProblem, lessonScenarios } from "./build-library";
import { optionKey } from "./options";
import { parseNote } from "./parse-note";
import { isScenarioFile, parseScenario, scenarioItems } from "./scenarios";

/** A small content root: notes/ (one of them broken) and scenarios/, good and bad. */
const FIXTURE = path.join(__dirname, "../../tests/fixtures/scenarios");

function readFixture() {
  const files = fs
    .readdirSync(FIXTURE, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.mdx?$/i.test(entry.name))
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      const file = path.relative(FIXTURE, full).split(path.sep).join("/");
      return { file, source: fs.readFileSync(full, "utf8") };
    });
  return buildLibrary(
    files.filter((f) => !isScenarioFile(f.file)).map(parseNote),
    { scenarios: files.filter((f) => isScenarioFile(f.file)).map(parseScenario) },
  );
}

const GOOD = `---
title: A public S3 bucket leaks order records
notes: [Amazon S3, AWS IAM]
owner: Customer
control: Block Public Access was turned off for the bucket
distractors:
  - S3 server-side encryption was disabled
  - A storage server's disk failed
sources:
  - https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
---
A researcher finds a bucket listing **order records**
to anyone on the internet.

It stays open for a week.

## Explanation

Who may read a bucket is the customer's to configure.
`;

describe("isScenarioFile", () => {
  it("takes markdown under scenarios/ only", () => {
    expect(isScenarioFile("scenarios/Public Bucket.md")).toBe(true);
    expect(isScenarioFile("Scenarios/Public Bucket.md")).toBe(true);
    expect(isScenarioFile("notes/scenarios.md")).toBe(false);
    expect(isScenarioFile("notes/scenarios/Public Bucket.md")).toBe(false);
    expect(isScenarioFile("scenarios/picture.png")).toBe(false);
  });
});

describe("parseScenario", () => {
  const scenario = parseScenario({ file: "scenarios/Public Bucket!.md", source: GOOD });

  it("reads the frontmatter, the story and the explanation as plain text", () => {
    expect(scenario.problems).toEqual([]);
    expect(scenario).toMatchObject({
      id: "public-bucket",
      line: 1,
      title: "A public S3 bucket leaks order records",
      notes: ["Amazon S3", "AWS IAM"],
      noteLines: [3, 3],
      owner: "CUSTOMER",
      control: "Block Public Access was turned off for the bucket",
      distractors: ["S3 server-side encryption was disabled", "A storage server's disk failed"],
      story:
        "A researcher finds a bucket listing order records to anyone on the internet.\n\n" +
        "It stays open for a week.",
      explanation: "Who may read a bucket is the customer's to configure.",
    });
  });

  it("takes the owner word in any case, a single note, and Obsidian links in frontmatter", () => {
    const source = GOOD.replace("owner: Customer", "owner: shared").replace(
      "notes: [Amazon S3, AWS IAM]",
      'notes: "[[Amazon S3]]"',
    );
    const parsed = parseScenario({ file: "scenarios/x.md", source });
    expect(parsed.problems).toEqual([]);
    expect(parsed.owner).toBe("SHARED");
    expect(parsed.notes).toEqual(["Amazon S3"]);
  });
});

describe("a scenario's quiz items", () => {
  const library = buildLibrary(
    [
      parseNote({ file: "notes/Amazon S3.md", source: "# Amazon S3\n\n## AWS responsibilities\n- **Disks**: x\n" }),
      parseNote({ file: "notes/AWS IAM.md", source: "# AWS IAM\n" }),
    ],
    { scenarios: [parseScenario({ file: "scenarios/Public Bucket.md", source: GOOD })] },
  );
  const s3 = library.bySlug.get("amazon-s3")!;

  it("come after the first note's own items, one for the owner and one for the control", () => {
    expect(s3.items.map((item) => item.key)).toEqual([
      "Disks",
      "scenario:public-bucket:owner",
      "scenario:public-bucket:control",
    ]);
    expect(library.bySlug.get("aws-iam")!.items).toEqual([]);
    expect(lessonScenarios(library, "amazon-s3").map((s) => s.id)).toEqual(["public-bucket"]);
    expect(lessonScenarios(library, "aws-iam")).toEqual([]);
  });

  it("ask whose failure it was, and which control failed, with the explanation as detail", () => {
    const [owner, control] = s3.items.slice(1);
    const notes = [
      { slug: "amazon-s3", title: "Amazon S3" },
      { slug: "aws-iam", title: "AWS IAM" },
    ];
    expect(owner).toMatchObject({
      kind: "SCENARIO",
      owner: "CUSTOMER",
      prompt: "Who should have prevented this failure?",
      detail: "Who may read a bucket is the customer's to configure.",
      anchor: "scenario-public-bucket",
      line: 1,
      spec: { kind: "SCENARIO", scenario: "public-bucket", part: "owner", options: [], notes },
    });
    expect(owner.answerKey).toBeUndefined();
    expect(control).toMatchObject({
      kind: "SCENARIO",
      owner: "CUSTOMER",
      prompt: "Which control failed?",
      answerKey: optionKey("Block Public Access was turned off for the bucket"),
      spec: { part: "control", notes, title: "A public S3 bucket leaks order records" },
    });
    const options = control.spec?.kind === "SCENARIO" ? control.spec.options : [];
    expect(options.map((o) => o.text).sort()).toEqual(
      [
        "A storage server's disk failed",
        "Block Public Access was turned off for the bucket",
        "S3 server-side encryption was disabled",
      ].sort(),
    );
    // Key order, not the author's: the right answer is not always first.
    expect(options.map((o) => o.key)).toEqual(options.map((o) => o.key).sort());
  });

  it("never change the parsed notes passed in", () => {
    const note = parseNote({ file: "notes/Amazon S3.md", source: "# Amazon S3\n" });
    buildLibrary([note], {
      scenarios: [parseScenario({ file: "scenarios/a.md", source: GOOD.replace(", AWS IAM", "") })],
    });
    expect(note.items).toEqual([]);
  });

  it("are the same for the same scenario, whatever else changes in the library", () => {
    const items = scenarioItems(library.scenarios[0]);
    expect(items.map((item) => item.key)).toEqual(s3.items.slice(1).map((item) => item.key));
  });
});

describe("the scenario fixtures: every error, with file and line", () => {
  const library = readFixture();

  it("keeps the good scenario, resolving notes by alias and link, and leaves out the others", () => {
    expect(library.scenarios.map((s) => [s.file, s.notes.map((n) => n.slug)])).toEqual([
      ["scenarios/Public Bucket.md", ["amazon-s3", "aws-iam"]],
    ]);
    expect(library.scenariosLeftOut.map((s) => s.file).sort()).toEqual([
      "scenarios/Bad Fields.md",
      "scenarios/Bad Yaml.md",
      "scenarios/Distractor Is Control.md",
      "scenarios/No Explanation.md",
      "scenarios/No Frontmatter.md",
      "scenarios/Unknown Note.md",
      "scenarios/public-bucket.md",
    ]);
    expect(library.bySlug.get("amazon-s3")!.items.map((item) => item.key)).toEqual([
      "Bucket policies",
      "scenario:public-bucket:owner",
      "scenario:public-bucket:control",
    ]);
  });

  it("reports each problem as file:line: error", () => {
    const lines = library.problems
      .filter((p) => p.file.startsWith("scenarios/"))
      .map(formatProblem);
    expect(lines).toEqual([
      'scenarios/Bad Fields.md:4: error: frontmatter field "owner" must be exactly one of AWS, Customer or Shared',
      'scenarios/Bad Fields.md:1: error: frontmatter field "control" is missing',
      'scenarios/Bad Fields.md:6: error: frontmatter field "distractors" needs 2 or 3 other controls',
      'scenarios/Bad Fields.md:8: error: frontmatter field "sources.0" is not a source: it is not an https:// page on docs.aws.amazon.com or aws.amazon.com',
      'scenarios/Bad Fields.md:9: error: frontmatter field "sources.1" is not a source: it is not an https:// page on docs.aws.amazon.com or aws.amazon.com',
      "scenarios/Bad Fields.md:10: error: unknown frontmatter field distractor: a scenario has title, notes, owner, control, distractors, sources and term",
      "scenarios/Bad Yaml.md:3: error: broken frontmatter: Flow sequence in block collection must be sufficiently indented and end with a ]",
      'scenarios/Bad Yaml.md:6: error: scenario has no "## Explanation" section after its story',
      'scenarios/Distractor Is Control.md:8: error: distractor "mfa was off" is the failed control itself',
      'scenarios/Distractor Is Control.md:9: error: distractor "Encryption was off" is listed twice',
      "scenarios/No Explanation.md:9: error: scenario has no story: write it after the frontmatter",
      'scenarios/No Explanation.md:10: error: scenario has no "## Explanation" section after its story',
      "scenarios/No Frontmatter.md:1: error: scenario has no frontmatter: start the file with --- and the fields title, notes, owner, control, distractors, sources",
      'scenarios/Unknown Note.md:5: error: scenario names note "Amazon Nowhere", which is not in the library',
      'scenarios/Unknown Note.md:6: error: scenario names note "Broken Note", which is left out until the errors in notes/Broken Note.md are fixed',
      'scenarios/public-bucket.md:1: error: scenario id "public-bucket" is also the id of scenarios/Public Bucket.md: rename one of the files',
    ]);
  });

  it("rejects too many distractors and an empty explanation", () => {
    const source = GOOD.replace(
      "  - A storage server's disk failed\n",
      "  - A storage server's disk failed\n  - A third\n  - A fourth\n",
    ).replace("Who may read a bucket is the customer's to configure.\n", "");
    const messages = parseScenario({ file: "scenarios/x.md", source }).problems.map(formatProblem);
    expect(messages).toEqual([
      'scenarios/x.md:7: error: frontmatter field "distractors" needs 2 or 3 other controls',
      'scenarios/x.md:19: error: "## Explanation" is empty',
    ]);
  });
});
