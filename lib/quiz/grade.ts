import type { Owner } from "@/lib/content/types";

export interface GradableItem {
  itemId: string;
  owner: Owner;
  explanation: string;
  lessonHref: string;
}

export interface GradedResult {
  itemId: string;
  choice: Owner | null;
  correct: boolean;
  expected: Owner;
  explanation: string;
  lessonHref: string;
}

export interface Grade {
  score: { correct: number; total: number };
  results: GradedResult[];
}

/** Grades every item of an attempt; an unanswered item counts as wrong. */
export function gradeAnswers(
  items: GradableItem[],
  choices: ReadonlyMap<string, Owner | null>,
): Grade {
  const results = items.map((item) => {
    const choice = choices.get(item.itemId) ?? null;
    return {
      itemId: item.itemId,
      choice,
      correct: choice === item.owner,
      expected: item.owner,
      explanation: item.explanation,
      lessonHref: item.lessonHref,
    };
  });
  return {
    score: { correct: results.filter((r) => r.correct).length, total: results.length },
    results,
  };
}
