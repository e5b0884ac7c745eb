import type { ItemFlag } from "@/lib/contracts/teams";

/**
 * The fewest learners an item's discrimination is computed over (and the fewest answers its
 * facility is flagged on). Below five pairs a correlation is mostly noise: one learner's answer can
 * swing it across most of its range. Teams here are classes of a handful to a few dozen, so a
 * higher floor would hide the index from most of them.
 */
export const MIN_RESPONDENTS = 5;

/** Below this the item barely separates the learners who know the material from those who don't. */
export const LOW_DISCRIMINATION = 0.2;
/** Facility below or above these: nearly everyone gets it wrong, or right. */
export const TOO_HARD = 0.1;
export const TOO_EASY = 0.9;

/** A team member's graded answer to an item version; of several to one version, the first counts. */
export interface ScoredAnswer {
  userId: string;
  itemVersionId: string;
  correct: boolean;
}

/** Each learner's first answer to each item version: learner → version → right or wrong. */
export function firstAnswers(answers: ScoredAnswer[]): Map<string, Map<string, boolean>> {
  const byLearner = new Map<string, Map<string, boolean>>();
  for (const answer of answers) {
    const mine = byLearner.get(answer.userId) ?? new Map<string, boolean>();
    if (!mine.has(answer.itemVersionId)) mine.set(answer.itemVersionId, answer.correct);
    byLearner.set(answer.userId, mine);
  }
  return byLearner;
}

/** Pearson's r of paired values; null when either side does not vary (r is undefined). */
export function pearson(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  const meanX = xs.reduce((s, x) => s + x, 0) / n;
  const meanY = ys.reduce((s, y) => s + y, 0) / n;
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (let i = 0; i < n; i++) {
    covariance += (xs[i] - meanX) * (ys[i] - meanY);
    varianceX += (xs[i] - meanX) ** 2;
    varianceY += (ys[i] - meanY) ** 2;
  }
  if (varianceX === 0 || varianceY === 0) return null;
  return covariance / Math.sqrt(varianceX * varianceY);
}

/**
 * The corrected point-biserial correlation (item–rest) of one item version: over the learners who
 * answered it and at least one other version, Pearson's r between their first answer to it (1 or 0)
 * and their share right over their first answers to the other versions. Leaving the item out of the
 * score keeps it from correlating with itself. Null with fewer than MIN_RESPONDENTS such learners,
 * or when either side does not vary.
 */
export function discrimination(
  firsts: Map<string, Map<string, boolean>>,
  itemVersionId: string,
): number | null {
  const item: number[] = [];
  const rest: number[] = [];
  for (const answers of firsts.values()) {
    const own = answers.get(itemVersionId);
    if (own === undefined || answers.size < 2) continue;
    let right = 0;
    for (const [versionId, correct] of answers) if (versionId !== itemVersionId && correct) right++;
    item.push(own ? 1 : 0);
    rest.push(right / (answers.size - 1));
  }
  return item.length < MIN_RESPONDENTS ? null : pearson(item, rest);
}

/** What an instructor should look at in an item: it separates learners poorly, or is too hard or easy. */
export function itemFlags(item: {
  correctRate: number;
  attempts: number;
  discrimination: number | null;
}): ItemFlag[] {
  const flags: ItemFlag[] = [];
  if (item.discrimination !== null && item.discrimination < LOW_DISCRIMINATION)
    flags.push("low_discrimination");
  if (item.attempts >= MIN_RESPONDENTS) {
    if (item.correctRate < TOO_HARD) flags.push("too_hard");
    if (item.correctRate > TOO_EASY) flags.push("too_easy");
  }
  return flags;
}
