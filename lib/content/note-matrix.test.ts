import { describe, expect, it } from "vitest";
import { parseNote } from "./parse-note";
import { countCells } from "./note-matrix";

const TABLE = [
  "| Control           | [[Amazon EC2\\|EC2]] | [[AWS Lambda]] |",
  "| ----------------- | ------------------- | -------------- |",
  "| Guest OS patching | Customer            | AWS            |",
  "| Backups           | —                   |                |",
  "| **Data** classification | shared        | -              |",
].join("\n");

const markdownForm = (table = TABLE, heading = "## Service matrix") =>
  parseNote({
    file: "Compute.md",
    source: `# Compute\n\nIntro.\n\n${heading}\n\n${table}\n\nAfter.\n`,
  });

const mdxForm = (table = TABLE, open = '<ResponsibilityMatrix title="Service matrix">') =>
  parseNote({
    file: "Compute.mdx",
    source: `---\ntitle: Compute\n---\n\nIntro.\n\n${open}\n\n${table}\n\n</ResponsibilityMatrix>\n`,
  });

const errors = (note: ReturnType<typeof parseNote>) =>
  note.problems.filter((p) => p.severity === "error").map((p) => `${p.line}: ${p.message}`);

describe("service matrices", () => {
  it("make one MATRIX item per owned cell, after the note's other items", () => {
    const note = parseNote({
      file: "Compute.md",
      source: `# Compute\n\n## Customer Responsibilities\n\n- **Data**: Yours.\n\n## Service matrix\n\n${TABLE}\n`,
    });
    expect(errors(note)).toEqual([]);
    expect(note.items.map((i) => [i.kind, i.key, i.prompt, i.owner])).toEqual([
      ["ASSIGN", "Data", "Data", "CUSTOMER"],
      [
        "MATRIX",
        "matrix:service-matrix:guest-os-patching:amazon-ec2",
        "Guest OS patching on Amazon EC2",
        "CUSTOMER",
      ],
      [
        "MATRIX",
        "matrix:service-matrix:guest-os-patching:aws-lambda",
        "Guest OS patching on AWS Lambda",
        "AWS",
      ],
      [
        "MATRIX",
        "matrix:service-matrix:data-classification:amazon-ec2",
        "Data classification on Amazon EC2",
        "SHARED",
      ],
    ]);
    expect(note.items[1]).toMatchObject({
      anchor: "matrix-service-matrix-guest-os-patching",
      line: 11,
      spec: {
        kind: "MATRIX",
        matrix: "service-matrix",
        title: "Service matrix",
        row: "Guest OS patching",
        column: "Amazon EC2",
        rowIndex: 0,
        columnIndex: 0,
      },
    });
    expect(countCells(note.matrices)).toEqual({ cells: 6, filled: 3 });
  });

  it("mean the same in a markdown note and in an .mdx lesson", () => {
    const md = markdownForm();
    const mdx = mdxForm();
    expect(errors(md)).toEqual([]);
    expect(errors(mdx)).toEqual([]);
    const strip = (note: ReturnType<typeof parseNote>) =>
      note.items.map((item) => ({ ...item, line: 0, source: undefined }));
    expect(strip(mdx)).toEqual(strip(md));
    expect(mdx.matrices[0]).toMatchObject({ id: "service-matrix", section: undefined });
    expect(md.matrices[0]).toMatchObject({ id: "service-matrix", section: "service-matrix" });
    expect(md.matrices[0].columns).toEqual([
      { note: "Amazon EC2", label: "EC2", slug: "amazon-ec2" },
      { note: "AWS Lambda", label: "AWS Lambda", slug: "aws-lambda" },
    ]);
    expect(md.links.map((l) => l.target)).toEqual(["Amazon EC2", "AWS Lambda"]);
  });

  it("take their id and title from a qualified heading or the title attribute", () => {
    expect(markdownForm(TABLE, "### 2. Service matrix: compute").matrices[0]).toMatchObject({
      id: "2-service-matrix-compute",
      title: "2. Service matrix: compute",
    });
    expect(mdxForm(TABLE, '<ResponsibilityMatrix title="The line moves">').matrices[0].id).toBe(
      "the-line-moves",
    );
  });

  it("are an error when a cell is not exactly an owner, so that no owner is guessed", () => {
    const note = markdownForm(TABLE.replace("| AWS            |", "| AWS mostly     |"));
    expect(note.matrices).toEqual([]);
    expect(note.items).toEqual([]);
    expect(errors(note)).toEqual([
      '9: service matrix "Service matrix": cell "AWS mostly" (row "Guest OS patching", column AWS Lambda) must be exactly AWS, Customer or Shared, or "—" when it is not asked',
    ]);
  });

  it("are an error when the header is not Control and wiki links", () => {
    const owners = "| Control | AWS | Customer |\n| --- | --- | --- |\n| Backups | yes | no |";
    expect(errors(markdownForm(owners))).toEqual([
      '7: service matrix "Service matrix": column 2 is "AWS"; a column header must be one wiki link to a service note, such as [[Amazon EC2\\|EC2]]',
      '7: service matrix "Service matrix": column 3 is "Customer"; a column header must be one wiki link to a service note, such as [[Amazon EC2\\|EC2]]',
      '9: service matrix "Service matrix": cell "yes" (row "Backups", column 2) must be exactly AWS, Customer or Shared, or "—" when it is not asked',
      '9: service matrix "Service matrix": cell "no" (row "Backups", column 3) must be exactly AWS, Customer or Shared, or "—" when it is not asked',
    ]);
    const layer = TABLE.replace("| Control          ", "| Layer            ");
    expect(errors(markdownForm(layer))).toEqual([
      '7: service matrix "Service matrix": the first header cell must be "Control", not "Layer"',
    ]);
  });

  it("ask for the alias pipe to be escaped in a table, as Obsidian does", () => {
    const bare = TABLE.replace("[[Amazon EC2\\|EC2]]", "[[Amazon EC2|EC2]] ");
    expect(errors(markdownForm(bare))).toEqual([
      '7: service matrix "Service matrix": in a table, a wiki link\'s alias pipe is written "\\|": [[Amazon EC2\\|EC2]] (a bare "|" starts a new column, in Obsidian and on the lesson page)',
    ]);
  });

  it("are an error for a short row, a repeated control or column", () => {
    const short = TABLE.replace(
      "| Backups           | —                   |                |",
      "| Backups | — |",
    );
    expect(errors(markdownForm(short))).toEqual([
      '10: service matrix "Service matrix": row "Backups" has 2 cells, the header 3: write "—" in a cell that is not asked',
    ]);
    const rule = TABLE.replace(
      "| ----------------- | ------------------- | -------------- |",
      "| --- | --- |",
    );
    expect(errors(markdownForm(rule))).toEqual([
      '8: service matrix "Service matrix": the row under the header has 2 cells, the header 3',
    ]);
    const twice = `${TABLE}\n| backups | — | — |`;
    expect(errors(markdownForm(twice))).toEqual([
      '12: service matrix "Service matrix": the control "backups" has two rows',
    ]);
    const column = TABLE.replace("[[AWS Lambda]]", "[[Amazon EC2]]");
    expect(errors(markdownForm(column))).toEqual([
      '7: service matrix "Service matrix": two columns name the note "Amazon EC2"',
    ]);
  });

  it("are an error when two matrices of a note share a title", () => {
    const note = parseNote({
      file: "Two.md",
      source: `## Service matrix\n\n${TABLE}\n\n## Service matrix\n\n${TABLE}\n`,
    });
    expect(errors(note)).toEqual([
      '11: two service matrices are titled "Service matrix" (the other at line 3): give each its own title, which names its quiz items',
    ]);
  });

  it("say what is wrong with an .mdx element and ignore the props form", () => {
    expect(errors(mdxForm(TABLE, "<ResponsibilityMatrix>"))).toEqual([
      '7: <ResponsibilityMatrix> needs a title="..." (it names the matrix and its quiz items)',
    ]);
    const unclosed = parseNote({
      file: "U.mdx",
      source: '<ResponsibilityMatrix title="X">\n\nNo table.\n',
    });
    expect(errors(unclosed)).toEqual([
      '1: <ResponsibilityMatrix title="X"> is never closed with </ResponsibilityMatrix>',
    ]);
    const split = parseNote({
      file: "S.mdx",
      source: `<ResponsibilityMatrix\n  title="X">\n\n${TABLE}\n\n</ResponsibilityMatrix>\n`,
    });
    expect(errors(split)).toEqual([
      '1: write the opening <ResponsibilityMatrix title="..."> on a line of its own, in one line',
    ]);
    expect(
      errors(parseNote({ file: "E.mdx", source: '<ResponsibilityMatrix title="X" />\n' })),
    ).toEqual(['1: <ResponsibilityMatrix title="X"> holds no table']);
    const props = parseNote({
      file: "P.mdx",
      source:
        '<ResponsibilityMatrix rows={[\n  { layer: "Data", iaas: "CUSTOMER", paas: "CUSTOMER", saas: "CUSTOMER" },\n]} />\n',
    });
    expect(props.problems).toEqual([]);
    expect(props.matrices).toEqual([]);
  });

  it("warn when a .md note uses the .mdx element, or a heading has no table", () => {
    const md = parseNote({
      file: "M.md",
      source: `<ResponsibilityMatrix title="X">\n\n${TABLE}\n\n</ResponsibilityMatrix>\n\n## Service matrix\n\nSoon.\n`,
    });
    expect(md.problems.map((p) => `${p.line}: ${p.severity}: ${p.message}`)).toEqual([
      '1: warning: <ResponsibilityMatrix> works only in an .mdx lesson and shows here as text; in a .md note, put the table under a "Service matrix" heading',
      '11: warning: "Service matrix" has no table: a service matrix is the first table under it',
    ]);
    expect(md.matrices).toEqual([]);
  });

  it("leave tables in code blocks and under other headings alone", () => {
    const fenced = markdownForm(`\`\`\`\n${TABLE}\n\`\`\``);
    expect(fenced.matrices).toEqual([]);
    const owners = parseNote({
      file: "O.md",
      source:
        "## Responsibility matrix\n\n| Control | AWS | Customer |\n| --- | --- | --- |\n| Backups | Snapshots storage | Schedules |\n",
    });
    expect(owners.matrices).toEqual([]);
    expect(owners.items.map((i) => [i.kind, i.prompt, i.owner])).toEqual([
      ["ASSIGN", "Snapshots storage", "AWS"],
      ["ASSIGN", "Schedules", "CUSTOMER"],
    ]);
  });
});
