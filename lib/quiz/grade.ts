import type { Citation, Owner } from "@/lib/content/types";
import type { Confidence } from "@/lib/contracts/quiz";

/**
 * An item as grading sees it. An item with an `answerKey` is answered with one of its options;
 * any other with an owner.
 */
export interface GradableItem {
  itemId: string;
  owner: Owner;
  answerKey: string | null;
  explanation: string;
  /** The AWS page that backs the owner, shown with the explanation. */
  source: Citation | null;
  lessonHref: string;
  /** Further lessons the explanation sends the learner to (a scenario's notes). */
  related: Array<{ href: string; title: string }>;
}

/** What a learner answered with: an owner or an option, and how sure they said they were. */
export interface GivenAnswer {
  choice: Owner | null;
  option: string | null;
  confidence: Confidence | null;
}

export interface GradedResult {
  itemId: string;
  choice: Owner | null;
  option: string | null;
  confidence: Confidence | null;
  correct: boolean;
  /** The owner of the control (for a split half, its side; for a scenario, whose failure it was). */
  expected: Owner;
  /** The right option, for items answered with one. */
  expectedOption: string | null;
  explanation: string;
  source: Citation | null;
  lessonHref: string;
  related: Array<{ href: string; title: string }>;
}

export interface Grade {
  score: { correct: number; total: number };
  results: GradedResult[];
}

const UNANSWERED: GivenAnswer = { choice: null, option: null, confidence: null };

/** Whether an answer is right: the owner for owner items, the option for option items. */
export function isCorrect(item: Pick<GradableItem, "owner" | "answerKey">, given: GivenAnswer) {
  return item.answerKey !== null ? given.option === item.answerKey : given.choice === item.owner;
}

/**
 * Grades every item of an attempt; an unanswered item counts as wrong. Each item is one point, so
 * a matrix scores per cell and a split per half: partial credit is the share of its items right.
 */
export function gradeAnswers(
  items: GradableItem[],
  answers: ReadonlyMap<string, GivenAnswer>,
): Grade {
  const results = items.map((item) => {
    const given = answers.get(item.itemId) ?? UNANSWERED;
    return {
      itemId: item.itemId,
      choice: given.choice,
      option: given.option,
      confidence: given.confidence,
      correct: isCorrect(item, given),
      expected: item.owner,
      expectedOption: item.answerKey,
      explanation: item.explanation,
      source: item.source,
      lessonHref: item.lessonHref,
      related: item.related,
    };
  });
  return {
    score: { correct: results.filter((r) => r.correct).length, total: results.length },
    results,
  };
}
