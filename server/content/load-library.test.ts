import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildLibrary } from "@/lib/content/build-library";
import { OWNER_WORDS_FILE, readContent, readNotes, reportContentErrors } from "./load-library";

describe("the fixture vault: notes as people really write them", () => {
  const library = buildLibrary(readNotes("tests/fixtures/vault"));
  const slugOf = (file: string) => library.notes.find((n) => n.file === file)?.slug;

  it("makes each file with the same title its own lesson, at a stable slug", () => {
    expect(slugOf("AWS Shared Responsibility Model.md")).toBe("aws-shared-responsibility-model");
    // Its file name's slug belongs to the note titled "Course 1", so the folder is added.
    expect(slugOf("courses/Course 1.md")).toBe("course-1-courses");
    expect(slugOf("courses/Course 2.md")).toBe("course-2");
    expect(slugOf("Course 1.md")).toBe("course-1");
    const reversed = buildLibrary(readNotes("tests/fixtures/vault").reverse());
    expect(reversed.notes.map((n) => [n.file, n.slug])).toEqual(
      library.notes.map((n) => [n.file, n.slug]),
    );
  });

  it("resolves links by file name first, then alias, then title", () => {
    const hub = library.bySlug.get("hub")!;
    const hrefs = hub.links.map((link) => library.resolve(link, hub).href);
    expect(hrefs).toEqual([
      "/lessons/aws-shared-responsibility-model",
      "/lessons/course-1-courses",
      "/lessons/course-2",
      "/lessons/alias-holder",
      undefined,
    ]);
    expect(library.backlinks.get("course-2")).toEqual(["hub"]);
    expect(library.problems).toContainEqual(
      expect.objectContaining({
        file: "Hub.md",
        line: 5,
        message: 'link to "Broken", which is left out until the errors in Broken.md are fixed',
      }),
    );
  });

  it("leaves the broken note out and reports it with file and line", () => {
    expect(library.leftOut.map((n) => n.file)).toEqual(["Broken.md"]);
    expect(library.notes.map((n) => n.file)).not.toContain("Broken.md");
    const lines: string[] = [];
    expect(reportContentErrors(library, (line) => lines.push(line))).toBe(1);
    expect(lines[0]).toMatch(/^Broken\.md:4: error: broken frontmatter/);
    expect(lines.at(-1)).toContain("left out until fixed: Broken.md");
  });
});

describe("a content folder with scenarios", () => {
  it("reads the files under scenarios/ as scenarios, never as notes", () => {
    const { notes, scenarios } = readContent("tests/fixtures/scenarios");
    expect(notes.map((n) => n.file).sort()).toEqual([
      "notes/AWS IAM.md",
      "notes/Amazon S3.md",
      "notes/Broken Note.md",
    ]);
    expect(scenarios).toHaveLength(8);
    expect(scenarios.every((s) => s.file.startsWith("scenarios/"))).toBe(true);
    const library = buildLibrary(notes, { scenarios });
    const lines: string[] = [];
    reportContentErrors(library, (line) => lines.push(line));
    expect(lines.at(-1)).toContain("scenarios/Bad Fields.md");
  });
});

describe("the notes as shipped before issue 14 (a frozen copy)", () => {
  const library = buildLibrary(readNotes("tests/fixtures/content-items"));

  it("keep every slug and item count they had before notes were identified by file", () => {
    expect(
      Object.fromEntries(library.notes.map((n) => [n.file, [n.slug, n.items.length]])),
    ).toEqual({
      "notes/AWS Artifact.md": ["aws-artifact", 6],
      "notes/AWS IAM.md": ["aws-iam", 8],
      // Less "AWS Managed Key Rotation" and "Customer Managed Key Rotation": terms that name their
      // owner are no quiz items since issue 23.
      "notes/AWS Key Management Service (KMS).md": ["aws-key-management-service-kms", 6],
      "notes/AWS Shared Responsibility Model.md": ["aws-shared-responsibility-model", 36],
      "notes/AWS Shield.md": ["aws-shield", 7],
      "notes/Amazon CloudTrail.md": ["amazon-cloudtrail", 7],
      "notes/Amazon CloudWatch.md": ["amazon-cloudwatch", 6],
      // Plus the seven rows of each "Responsibility by Layer" table: since issue 24 a table that names
      // its owners gives items under any heading (the shipped notes map that heading to NONE).
      "notes/Infrastructure as a Service (IaaS).md": ["infrastructure-as-a-service-iaas", 18],
      "notes/Platform as a Service (PaaS).md": ["platform-as-a-service-paas", 18],
      "notes/Service Models Compared.mdx": ["service-models-compared", 0],
      "notes/Software as a Service (SaaS).md": ["software-as-a-service-saas", 14],
    });
    expect(library.notes.reduce((sum, n) => sum + n.items.length, 0)).toBe(126);
    expect(library.leftOut).toEqual([]);
  });
});

describe("a deployment's own owner words", () => {
  const NOTE = [
    "# Modello condiviso",
    "",
    "## Responsabilità di AWS",
    "",
    "- Sicurezza fisica dei data center",
    "",
    "## Riepilogo",
    "",
    "| Controllo | AWS | Condiviso |",
    "| --- | --- | --- |",
    "| Patch | Hypervisor | Gestione delle patch |",
  ].join("\n");

  function vault(ownerWords?: unknown): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "owner-words-"));
    fs.writeFileSync(path.join(root, "Modello condiviso.md"), NOTE);
    if (ownerWords !== undefined) {
      fs.writeFileSync(path.join(root, OWNER_WORDS_FILE), JSON.stringify(ownerWords));
    }
    return root;
  }

  it("reads a language the built-in table lacks from owner-words.json, without code", () => {
    // Without it, only the column the built-in words name ("AWS") is read.
    const [before] = readNotes(vault());
    expect(before.items.map((i) => [i.prompt, i.owner])).toEqual([["Hypervisor", "AWS"]]);
    const [note] = readNotes(
      vault({
        headings: [{ language: "it", starts: "Responsabilità di AWS", owner: "AWS" }],
        words: { condiviso: "SHARED" },
      }),
    );
    expect(note.items.map((i) => [i.prompt, i.owner, i.source?.rule])).toEqual([
      ["Sicurezza fisica dei data center", "AWS", "responsabilità-di-aws-it"],
      ["Hypervisor", "AWS", "table column"],
      ["Gestione delle patch", "SHARED", "table column"],
    ]);
  });

  it("stops on a file that does not say what it means, naming the field", () => {
    expect(() => readNotes(vault({ words: { cliente: "CLIENT" } }))).toThrow(
      /owner-words\.json: words\.cliente: /,
    );
    expect(() => readNotes(vault({ headings: [{ starts: "x", owner: "AWS" }] }))).toThrow(
      /owner-words\.json: headings\.0\.language/,
    );
  });
});
