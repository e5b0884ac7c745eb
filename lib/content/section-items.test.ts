import { describe, expect, it } from "vitest";
import { parseNote } from "./parse-note";
import { authorsReminder } from "./section-items";

describe("authorsReminder", () => {
  it("knows an author's notes to self", () => {
    expect(authorsReminder("// recheck ppt")).toBe("a comment");
    expect(authorsReminder("TODO: add the KMS part")).toBe("a reminder");
    expect(authorsReminder("**FIXME** wording")).toBe("a reminder");
    expect(authorsReminder("tbd")).toBe("a reminder");
    expect(authorsReminder("???")).toBe("only question marks");
    expect(authorsReminder("~~Hardware: old wording~~")).toBe("struck through");
  });

  it("leaves controls alone, whatever words they start with", () => {
    expect(authorsReminder("**Todos los datos**: cifrado")).toBeNull();
    expect(authorsReminder("Hardware: replaced when it fails")).toBeNull();
    expect(authorsReminder("Is the bucket public? Block Public Access decides")).toBeNull();
    expect(authorsReminder("~~Old~~ New wording")).toBeNull();
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
