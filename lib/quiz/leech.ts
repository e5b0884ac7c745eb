/**
 * A leech, in Anki's word: an item a learner has failed again and again, which more review alone is
 * unlikely to fix; it is worth rewording, or a talk. This many wrong answers make one.
 */
export const LEECH_FAILURES = 4;

/** A learner's answer counters on one item (their review card's). */
export interface AnswerCounts {
  attempts: number;
  correctCount: number;
}

/** How often the learner has answered the item wrongly. */
export function failuresOf(counts: AnswerCounts): number {
  return counts.attempts - counts.correctCount;
}

export function isLeech(counts: AnswerCounts): boolean {
  return failuresOf(counts) >= LEECH_FAILURES;
}
