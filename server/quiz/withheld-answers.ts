import "server-only";
import { answersShown, levelAsShown } from "@/lib/quiz/review-options";
import type { Db } from "@/server/db/client";
import { assignmentRuleSelect, reviewRuleOf } from "./attempt-review";

/**
 * What a learner's submitted attempts withhold at `now` under their assignments' review options,
 * for every read that could tell which of their answers were right: the export, progress, mastery
 * and assignment status. (The attempt itself is cut by attemptAsShown.)
 */
export interface WithheldAnswers {
  /** Items answered in an attempt whose answers are withheld now: their review cards say too much. */
  itemIds: ReadonlySet<string>;
  /**
   * Per note asked in such an attempt, the moments those attempts were submitted at: the mastery
   * changes and assignment completions they caused are recorded at that very moment.
   */
  momentsByNote: ReadonlyMap<string, ReadonlySet<number>>;
}

export const NOTHING_WITHHELD: WithheldAnswers = { itemIds: new Set(), momentsByNote: new Map() };

export async function readWithheldAnswers(
  db: Db,
  userId: string,
  now: Date,
): Promise<WithheldAnswers> {
  const attempts = await db.attempt.findMany({
    where: {
      userId,
      status: "SUBMITTED",
      assignment: { is: { reviewAnswers: { not: "IMMEDIATELY" } } },
    },
    select: {
      submittedAt: true,
      assignment: assignmentRuleSelect(userId),
      answers: { select: { itemId: true, item: { select: { noteSlug: true } } } },
    },
  });
  const itemIds = new Set<string>();
  const momentsByNote = new Map<string, Set<number>>();
  for (const attempt of attempts) {
    if (answersShown(reviewRuleOf(attempt.assignment), now).answersShown) continue;
    for (const answer of attempt.answers) {
      itemIds.add(answer.itemId);
      const moments = momentsByNote.get(answer.item.noteSlug) ?? new Set<number>();
      if (attempt.submittedAt) moments.add(attempt.submittedAt.getTime());
      momentsByNote.set(answer.item.noteSlug, moments);
    }
  }
  return { itemIds, momentsByNote };
}

/**
 * The mastery levels the learner may see (levelAsShown), for their stored levels by note. Only the
 * notes a withheld attempt asked read their history of changes.
 */
export async function levelsAsShown(
  db: Db,
  userId: string,
  withheld: WithheldAnswers,
  stored: ReadonlyMap<string, number>,
): Promise<Map<string, number>> {
  const shown = new Map(stored);
  const slugs = [...stored.keys()].filter((slug) => withheld.momentsByNote.has(slug));
  if (slugs.length === 0) return shown;
  const changes = await db.masteryEvent.findMany({
    where: { userId, noteSlug: { in: slugs } },
    orderBy: { at: "asc" },
    select: { noteSlug: true, at: true, level: true },
  });
  for (const slug of slugs) {
    const level = stored.get(slug) ?? 0;
    const mine = changes.filter((c) => c.noteSlug === slug);
    shown.set(slug, levelAsShown(level, mine, withheld.momentsByNote.get(slug)));
  }
  return shown;
}

/** Whether something recorded at `at` about these notes was caused by a withheld attempt. */
export function causedByWithheld(
  withheld: WithheldAnswers,
  noteSlugs: readonly string[],
  at: Date,
): boolean {
  return noteSlugs.some((slug) => withheld.momentsByNote.get(slug)?.has(at.getTime()));
}
