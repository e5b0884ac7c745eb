import { describe, expect, it } from "vitest";
import { parseNote } from "./parse-note";
import { ownerColumn } from "./responsibility-headings";
import { authorsReminder } from "./section-items";

describe("authorsReminder", () => {
  it("knows an author's notes to self", () => {
    expect(authorsReminder("// recheck ppt")).toBe("a comment");
    expect(authorsReminder("TODO: add the KMS part")).toBe("a reminder");
    expect(authorsReminder("**FIXME** wording")).toBe("a reminder");
    expect(authorsReminder("tbd")).toBe("a reminder");
    expect(authorsReminder("???")).toBe("a question to self");
    expect(authorsReminder("??? (the teacher said something, missed it)")).toBe("a question to self");
    expect(authorsReminder("~~Hardware: old wording~~")).toBe("struck through");
    // Struck at its start: what follows may be a comment ("(removed)") or new wording; neither is safe to ask.
    expect(authorsReminder("~~Backups~~ (depends on the service, removed)")).toBe("struck through");
    expect(authorsReminder("~~Old~~ New wording")).toBe("struck through");
    expect(authorsReminder("see also [[IAM Best Practices]]")).toBe("a pointer to another note");
    expect(authorsReminder("Ver también [[IAM]]")).toBe("a pointer to another note");
    expect(authorsReminder("参考: [[IAM ベストプラクティス]]")).toBe("a pointer to another note");
  });

  it("leaves controls alone, whatever words they start with", () => {
    expect(authorsReminder("**Todos los datos**: cifrado")).toBeNull();
    expect(authorsReminder("Hardware: replaced when it fails")).toBeNull();
    expect(authorsReminder("Is the bucket public? Block Public Access decides")).toBeNull();
  });

  it("makes no quiz item of a reminder under a responsibility heading, and says so on its line", () => {
    const note = parseNote({
      file: "Notes.md",
      source: [
        "## Customer Responsibilities",
        "- **Data classification**: Sorting data by sensitivity.",
        "- // recheck ppt",
        "- TODO: network part",
        "- ~~**Old control**: dropped~~",
      ].join("\n"),
    });
    expect(note.items.map((item) => item.prompt)).toEqual(["Data classification"]);
    expect(note.problems.map((p) => [p.line, p.message])).toEqual([
      [3, 'bullet "// recheck ppt" is a comment, not a control, so it is no quiz item'],
      [4, 'bullet "TODO: network part" is a reminder, not a control, so it is no quiz item'],
      [5, 'bullet "~~**Old control**: dropped~~" is struck through, not a control, so it is no quiz item'],
    ]);
  });
});

describe("owner columns in other words", () => {
  it.each([
    ["AWS Does", "AWS"],
    ["You Do", "CUSTOMER"],
    ["AWS Manages", "AWS"],
    ["Customer Manages", "CUSTOMER"],
    ["Provider", "AWS"],
    ["Customer responsibility", "CUSTOMER"],
    ["Both", "SHARED"],
    ["Cliente", "CUSTOMER"],
    ["AWS hace", "AWS"],
    ["Kunde", "CUSTOMER"],
    ["お客様", "CUSTOMER"],
  ])("reads %j as %s", (header, owner) => {
    expect(ownerColumn(header)).toBe(owner);
  });

  it.each(["Control", "What AWS and you do", "AWS or customer", "Customer-managed keys", "Service"])(
    "reads %j as no owner",
    (header) => {
      expect(ownerColumn(header)).toBeUndefined();
    },
  );

  it("makes each filled cell of such a table a control owned by its column", () => {
    const note = parseNote({
      file: "Table.md",
      source: [
        "## Who does what",
        "| Control | AWS Does | You Do |",
        "| --- | --- | --- |",
        "| Patching | Host and hypervisor patching | Guest OS patching |",
        "| Network | Physical network | Security group rules |",
        "",
        "## Responsibility table",
        "| Provider | Customer |",
        "| --- | --- |",
        "| Facilities | Data classification |",
      ].join("\n"),
    });
    expect(note.items.map((item) => [item.prompt, item.owner])).toEqual([
      ["Host and hypervisor patching", "AWS"],
      ["Guest OS patching", "CUSTOMER"],
      ["Physical network", "AWS"],
      ["Security group rules", "CUSTOMER"],
      ["Facilities", "AWS"],
      ["Data classification", "CUSTOMER"],
    ]);
  });
});
