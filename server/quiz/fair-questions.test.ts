import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildLibrary } from "@/lib/content/build-library";
import type { ParsedNote } from "@/lib/content/types";
import { findPreGradingLeaks, undescribedCards } from "@/lib/quiz/pre-grading-text";
import { readContent } from "@/server/content/load-library";
import { toQuizItem } from "./quiz-items";

/** Every item of every quiz in a content root, as the quiz API sends it before grading. */
function quizItemsOf(root: string) {
  const { notes, ...extras } = readContent(root);
  const library = buildLibrary(notes, extras);
  return library.notes.flatMap((note: ParsedNote) =>
    note.items.map((item) =>
      toQuizItem({
        id: `${note.slug}/${item.key}`,
        kind: item.kind,
        noteSlug: note.slug,
        prompt: item.prompt,
        description: item.description,
        serviceModel: item.serviceModel ?? null,
        spec: item.spec ? JSON.stringify(item.spec) : null,
      }),
    ),
  );
}

describe("every question a fair test (issue 23)", () => {
  const shipped = quizItemsOf("content");

  it("sends no owner before grading on any shipped item, and describes every control card", () => {
    expect(shipped.length).toBeGreaterThanOrEqual(400);
    expect(findPreGradingLeaks(shipped)).toEqual([]);
    expect(undescribedCards(shipped).map((item) => item.id)).toEqual([]);
  });

  it("fails when one neutral description is replaced by one that names the owner", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "fair-questions-"));
    try {
      fs.cpSync("content", root, { recursive: true });
      const file = path.join(root, "notes", "Amazon EC2.md");
      const note = fs.readFileSync(file, "utf8");
      const neutral = /^( {2}- What it is: ).*$/m.exec(note);
      expect(neutral).not.toBeNull();
      fs.writeFileSync(
        file,
        note.replace(neutral![0], `${neutral![1]}Patching the guest OS is the customer's job.`),
      );
      const mutated = quizItemsOf(root);
      // The parser never lets the sentence through: the card falls back to its term alone, which
      // this walk reports, as content:check does (tests/scripts/content-check.test.ts).
      expect(findPreGradingLeaks(mutated)).toEqual([]);
      expect(undescribedCards(mutated)).toHaveLength(1);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
