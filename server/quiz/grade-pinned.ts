import "server-only";
import { lessonHref } from "@/lib/content/build-library";
import type { Owner } from "@/lib/content/types";
import { gradeAnswers, type Grade } from "@/lib/quiz/grade";

/** An answer beside the item version its attempt was pinned to. */
export interface PinnedAnswer {
  itemId: string;
  choice: Owner | null;
  noteSlug: string;
  owner: Owner;
  explanation: string;
  anchor: string;
}

/**
 * Grades answers against the item versions they were pinned to, so that a submit and every later
 * look at its results grade the wording the learner saw, whatever the note says now.
 */
export function gradePinnedAnswers(answers: PinnedAnswer[]): Grade {
  return gradeAnswers(
    answers.map((a) => ({
      itemId: a.itemId,
      owner: a.owner,
      explanation: a.explanation,
      lessonHref: lessonHref(a.noteSlug, a.anchor),
    })),
    new Map(answers.map((a) => [a.itemId, a.choice])),
  );
}
