import "server-only";
import { lessonHref } from "@/lib/content/slug";
import { parseItemSpec } from "@/lib/content/item-spec";
import type { Owner } from "@/lib/content/types";
import type { Confidence } from "@/lib/contracts/quiz";
import { gradeAnswers, type Grade } from "@/lib/quiz/grade";

/** An answer beside the item version its attempt was pinned to. */
export interface PinnedAnswer {
  itemId: string;
  choice: Owner | null;
  option: string | null;
  confidence: Confidence | null;
  noteSlug: string;
  owner: Owner;
  answerKey: string | null;
  spec: string | null;
  explanation: string;
  sourceTitle: string | null;
  sourceUrl: string | null;
  anchor: string;
}

/** The stored confidence enum as the API spells it. */
export function confidenceOf(stored: "SURE" | "UNSURE" | null): Confidence | null {
  return stored === null ? null : stored === "SURE" ? "sure" : "unsure";
}

/** Further lessons a graded item sends the learner to: a scenario's other notes. */
function relatedLessons(answer: PinnedAnswer) {
  const spec = parseItemSpec(answer.spec);
  if (spec?.kind !== "SCENARIO") return [];
  return spec.notes
    .filter((note) => note.slug !== answer.noteSlug)
    .map((note) => ({ href: lessonHref(note.slug), title: note.title }));
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
      answerKey: a.answerKey,
      explanation: a.explanation,
      source: a.sourceTitle && a.sourceUrl ? { title: a.sourceTitle, url: a.sourceUrl } : null,
      lessonHref: lessonHref(a.noteSlug, a.anchor),
      related: relatedLessons(a),
    })),
    new Map(
      answers.map((a) => [
        a.itemId,
        { choice: a.choice, option: a.option, confidence: a.confidence },
      ]),
    ),
  );
}
