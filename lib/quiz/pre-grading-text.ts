import { describeLeaks, findOwnerLeaks } from "@/lib/content/owner-leak";
import type { QuizItem } from "@/lib/contracts/quiz";

/**
 * Every text a learner reads on an item before answering it, as the quiz API sends it: the term,
 * the card's description, the statements offered, a scenario's title and story, a matrix's labels.
 * The question forms the app writes around them ("Who owns … in …?", "Pick the statement that
 * describes AWS's part in …") are left out: the side a split half asks about is its question, and
 * its answer is a statement.
 */
export function preGradingTexts(item: QuizItem): string[] {
  switch (item.kind) {
    case "assign":
    case "service":
      return [item.prompt, item.detail];
    case "matrix":
      return item.matrix ? [item.matrix.title, item.matrix.row, item.matrix.column] : [];
    case "split":
      return [item.split?.control ?? "", ...item.options.map((o) => o.text)];
    case "scenario":
      return [
        item.scenario?.title ?? "",
        item.scenario?.story ?? "",
        ...item.options.map((o) => o.text),
      ];
  }
}

export interface PreGradingLeak {
  itemId: string;
  text: string;
  why: string;
}

/** The items whose pre-grading text says or implies an owner (owner-leak.ts), with why. */
export function findPreGradingLeaks(items: QuizItem[]): PreGradingLeak[] {
  return items.flatMap((item) =>
    preGradingTexts(item).flatMap((text) => {
      const leaks = findOwnerLeaks(text);
      return leaks.length > 0 ? [{ itemId: item.id, text, why: describeLeaks(leaks) }] : [];
    }),
  );
}

/** Control cards that show the term alone: in the curated content every card describes its control. */
export function undescribedCards(items: QuizItem[]): QuizItem[] {
  return items.filter(
    (item) => (item.kind === "assign" || item.kind === "service") && item.detail.trim() === "",
  );
}
