import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildLibrary, formatProblem } from "./build-library";
import { parseNote } from "./parse-note";

// Two service notes and a matrix note that agrees with them; each test breaks one thing.
const VAULT = path.join(__dirname, "../../tests/fixtures/service-matrix");
const MATRIX = "Compute Compared.md";

function vault(edit: (files: Record<string, string>) => void = () => {}) {
  const files = Object.fromEntries(
    fs.readdirSync(VAULT).map((name) => [name, fs.readFileSync(path.join(VAULT, name), "utf8")]),
  );
  edit(files);
  return buildLibrary(Object.entries(files).map(([file, source]) => parseNote({ file, source })));
}

const report = (library: ReturnType<typeof vault>) =>
  library.problems.filter((p) => p.file === MATRIX).map(formatProblem);

/** Rewrites one cell of the matrix note's row. */
const setCell = (row: string, column: number, owner: string) => (files: Record<string, string>) => {
  files[MATRIX] = files[MATRIX].replace(new RegExp(`^\\| ${row} .*$`, "m"), (line) => {
    const cells = line.split("|");
    cells[column + 2] = ` ${owner} `;
    return cells.join("|");
  });
};

describe("service matrix agreement", () => {
  it("passes a matrix that says what its service notes say, explaining each cell from them", () => {
    const library = vault();
    expect(report(library)).toEqual([
      `${MATRIX}:8: warning: service matrix "Service matrix": column [[Amazon ECS on AWS Fargate]]: there is no note "Amazon ECS on AWS Fargate"; its cells are empty, so it asks nothing yet`,
    ]);
    const note = library.bySlug.get("compute-compared");
    expect(note?.items.map((i) => [i.prompt, i.owner, i.detail])).toEqual([
      [
        "Physical hosts on Amazon EC2",
        "AWS",
        "Runs and patches the servers and the Nitro hypervisor under every instance.",
      ],
      ["Physical hosts on AWS Lambda", "AWS", "Runs the servers that functions execute on."],
      [
        "Guest OS patching on Amazon EC2",
        "CUSTOMER",
        "Patches and hardens the operating system on each instance.",
      ],
      [
        "Guest OS patching on AWS Lambda",
        "AWS",
        "Patches the operating system of the execution environment.",
      ],
      [
        "Network traffic rules on Amazon EC2",
        "CUSTOMER",
        "Writes the security groups that decide what reaches each instance.",
      ],
      [
        "Network traffic rules on AWS Lambda",
        "SHARED",
        "AWS isolates functions; the customer chooses VPC access and security groups.",
      ],
    ]);
    // The column links still make backlinks, and the unwritten one is reported once, as a column.
    expect(library.backlinks.get("amazon-ec2")).toEqual(["compute-compared"]);
    expect(library.problems.filter((p) => /unwritten note/.test(p.message))).toEqual([]);
  });

  it("is an error when a cell names another owner than the service note, naming both", () => {
    const library = vault(setCell("Guest OS patching", 0, "AWS"));
    expect(report(library)).toContain(
      `${MATRIX}:11: error: service matrix "Service matrix": cell "Guest OS patching" × [[Amazon EC2]] is AWS, but Amazon EC2.md:12 says Customer (under "Customer Responsibilities")`,
    );
    expect(library.leftOut.map((n) => n.file)).toEqual([MATRIX]);
    expect(library.bySlug.has("amazon-ec2")).toBe(true);
  });

  it("is an error when the service note lacks the control", () => {
    const library = vault((files) => {
      files[MATRIX] = files[MATRIX].replace(
        "| Data classification   | —  ",
        "| Data classification   | Customer  ",
      );
    });
    expect(report(library)).toContain(
      `${MATRIX}:13: error: service matrix "Service matrix": cell "Data classification" × [[Amazon EC2]] is Customer, but Amazon EC2.md has no control "Data classification" (its controls: Physical hosts, Guest OS patching, Network traffic rules)`,
    );
    expect(library.leftOut.map((n) => n.file)).toEqual([MATRIX]);
  });

  it("is an error when an owned cell's column names no note, a warning while the column is empty", () => {
    const library = vault(setCell("Physical hosts", 2, "AWS"));
    expect(report(library)).toEqual([
      `${MATRIX}:10: error: service matrix "Service matrix": cell "Physical hosts" × [[Amazon ECS on AWS Fargate]] is AWS, but nothing can check it: there is no note "Amazon ECS on AWS Fargate"`,
    ]);
    expect(library.leftOut.map((n) => n.file)).toEqual([MATRIX]);
  });

  it("is an error when the column's note is left out for its own errors", () => {
    const library = vault((files) => {
      files["AWS Lambda.md"] += "\nA broken [[]] link.\n";
    });
    expect(report(library)).toEqual([
      `${MATRIX}:10: error: service matrix "Service matrix": cell "Physical hosts" × [[AWS Lambda]] is AWS, but nothing can check it: the note "AWS Lambda" is left out until the errors in AWS Lambda.md are fixed`,
      `${MATRIX}:11: error: service matrix "Service matrix": cell "Guest OS patching" × [[AWS Lambda]] is AWS, but nothing can check it: the note "AWS Lambda" is left out until the errors in AWS Lambda.md are fixed`,
      `${MATRIX}:12: error: service matrix "Service matrix": cell "Network traffic rules" × [[AWS Lambda]] is Shared, but nothing can check it: the note "AWS Lambda" is left out until the errors in AWS Lambda.md are fixed`,
      expect.stringContaining("warning: service matrix"),
    ]);
  });

  it("matches the control's term ignoring case, and finds the note by alias too", () => {
    const library = vault((files) => {
      files[MATRIX] = files[MATRIX].replace(
        "| Guest OS patching     |",
        "| guest os PATCHING     |",
      );
      files["Amazon EC2.md"] = `---\naliases: [EC2 instances]\n---\n${files["Amazon EC2.md"]}`;
      files[MATRIX] = files[MATRIX].replace("[[Amazon EC2\\|EC2]]", "[[EC2 instances\\|EC2]]");
    });
    expect(report(library).filter((line) => line.includes("error"))).toEqual([]);
    expect(library.bySlug.get("compute-compared")?.items[2]).toMatchObject({
      key: "matrix:service-matrix:guest-os-patching:ec2-instances",
      prompt: "guest os PATCHING on EC2 instances",
      detail: "Patches and hardens the operating system on each instance.",
    });
  });
});
