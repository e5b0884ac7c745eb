import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseNote } from "./parse-note";
import { isControlKind, type Owner } from "./types";

/**
 * Notes as other people write them (tests/fixtures/wild-notes: many languages and styles), held
 * against a key made by hand: the controls each note lists, the line each is on, the line that
 * gives it its owner (a heading, an owner line or a table's header), and that owner.
 */
const DIR = path.join(__dirname, "../../tests/fixtures/wild-notes");

interface KeyControl {
  line: number;
  place: number;
  control: string;
  owner: Owner;
  service?: string;
}
interface KeyNote {
  language: string;
  styles: string[];
  controls: KeyControl[];
}
const key = (
  JSON.parse(fs.readFileSync(path.join(DIR, "answer-key.json"), "utf8")) as {
    notes: Record<string, KeyNote>;
  }
).notes;

/** Text compared without case, markdown, punctuation or spacing: "**Guest OS** patching." = "guest os patching". */
const plain = (text: string) =>
  text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[*_`~[\]]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

interface Outcome {
  file: string;
  right: KeyControl[];
  wrong: Array<{ control: KeyControl; got: Owner }>;
  missed: KeyControl[];
  unwarned: KeyControl[];
  junk: Array<{ prompt: string; line: number }>;
}

function grade(file: string, note: KeyNote, source: string): Outcome {
  const parsed = parseNote({ file, source });
  const outcome: Outcome = { file, right: [], wrong: [], missed: [], unwarned: [], junk: [] };
  const controls = parsed.items.filter((item) => isControlKind(item.kind));
  const matched = new Set<(typeof controls)[number]>();
  const warnedLines = new Set(parsed.problems.map((problem) => problem.line));
  const lines = source.split("\n");
  // A miss is warned on its own line, on the line that names its owner, or on a heading between them
  // (a subheading the rules do not take, say).
  const warnedAbout = (control: KeyControl) =>
    [control.line, control.place].some((line) => warnedLines.has(line)) ||
    [...warnedLines].some((line) => line > control.place && line < control.line && /^\s*#/.test(lines[line - 1]));
  for (const control of note.controls) {
    const item = controls.find(
      (candidate) =>
        !matched.has(candidate) &&
        candidate.line === control.line &&
        plain(candidate.prompt) === plain(control.control) &&
        (control.service === undefined ||
          (candidate.spec?.kind === "SERVICE" && plain(candidate.spec.service) === plain(control.service))),
    );
    if (!item) {
      outcome.missed.push(control);
      if (!warnedAbout(control)) outcome.unwarned.push(control);
      continue;
    }
    matched.add(item);
    if (item.owner === control.owner) outcome.right.push(control);
    else outcome.wrong.push({ control, got: item.owner });
  }
  for (const item of controls) if (!matched.has(item)) outcome.junk.push({ prompt: item.prompt, line: item.line });
  return outcome;
}

const outcomes = Object.entries(key).map(([file, note]) =>
  grade(file, note, fs.readFileSync(path.join(DIR, file), "utf8")),
);
const total = outcomes.reduce((sum, o) => sum + o.right.length + o.wrong.length + o.missed.length, 0);
const right = outcomes.reduce((sum, o) => sum + o.right.length, 0);

describe("the wild corpus", () => {
  it("is at least 30 notes in at least 5 languages and 8 styles, every file in the key", () => {
    const notes = Object.values(key);
    expect(notes.length).toBeGreaterThanOrEqual(30);
    expect(new Set(notes.map((n) => n.language)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(notes.flatMap((n) => n.styles)).size).toBeGreaterThanOrEqual(8);
    const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".md") && f !== "README.md");
    expect(files.sort()).toEqual(Object.keys(key).sort());
  });

  it("extracts at least 90% of the key's controls with the right owner", () => {
    console.info(`wild corpus: ${right} of ${total} controls extracted with the right owner (${((100 * right) / total).toFixed(1)}%)`);
    expect(right / total).toBeGreaterThanOrEqual(0.9);
  });

  it("gives no control the wrong owner", () => {
    expect(outcomes.flatMap((o) => o.wrong.map((w) => `${o.file}:${w.control.line} ${w.control.control}: ${w.got}, key ${w.control.owner}`))).toEqual([]);
  });

  it("makes no item of anything the key does not list", () => {
    expect(outcomes.flatMap((o) => o.junk.map((j) => `${o.file}:${j.line} ${j.prompt}`))).toEqual([]);
  });

  it("warns about every control it misses, on the control's line or the line that names its owner", () => {
    expect(outcomes.flatMap((o) => o.unwarned.map((c) => `${o.file}:${c.line} ${c.control} (owner at line ${c.place})`))).toEqual([]);
  });
});
