import type { Score } from "./score";

/**
 * Every rule of mastery per note lives here; the submit path only stores what these return.
 * Levels are Khan-style and stored as their index, so that "at least familiar" is a comparison.
 */
export const MASTERY_LEVELS = [
  "not-started",
  "attempted",
  "familiar",
  "proficient",
  "mastered",
] as const;
export type MasteryLevel = (typeof MASTERY_LEVELS)[number];

export const MASTERY_LABELS: Record<MasteryLevel, string> = {
  "not-started": "Not started",
  attempted: "Attempted",
  familiar: "Familiar",
  proficient: "Proficient",
  mastered: "Mastered",
};

/** The share of a note's quiz that makes it Familiar; only a perfect quiz makes it Proficient. */
export const FAMILIAR_SCORE = 0.7;
/** How long after becoming Proficient a correct review can make a note Mastered. */
export const MASTERY_GAP_MS = 24 * 60 * 60 * 1000;

const ATTEMPTED = MASTERY_LEVELS.indexOf("attempted");
const FAMILIAR = MASTERY_LEVELS.indexOf("familiar");
const PROFICIENT = MASTERY_LEVELS.indexOf("proficient");
const MASTERED = MASTERY_LEVELS.indexOf("mastered");

export function levelName(index: number): MasteryLevel {
  return MASTERY_LEVELS[index] ?? "not-started";
}

/** Where a learner stands on a note: the level, and since when it has been Proficient or better. */
export interface NoteStanding {
  level: number;
  proficientAt: Date | null;
}

export const NOT_STARTED: NoteStanding = { level: 0, proficientAt: null };

/**
 * The standing after a graded quiz on the note. The latest score decides, except that a perfect
 * score never lowers a note: a perfect retake keeps a mastered note Mastered, and keeps the moment it
 * first became Proficient, from which mastery is counted.
 */
export function levelAfterQuiz(before: NoteStanding, score: Score, now: Date): NoteStanding {
  const perfect = score.total > 0 && score.correct === score.total;
  if (perfect) {
    return before.level >= PROFICIENT
      ? { level: before.level, proficientAt: before.proficientAt ?? now }
      : { level: PROFICIENT, proficientAt: now };
  }
  const share = score.total > 0 ? score.correct / score.total : 0;
  return { level: share >= FAMILIAR_SCORE ? FAMILIAR : ATTEMPTED, proficientAt: null };
}

/**
 * The standing after a review answered items of this note. Proficient becomes Mastered when every
 * item of the note seen in the review was recalled correctly at least a day after it became
 * Proficient. A miss drops a Proficient or Mastered note back to Familiar: it must be earned again.
 */
export function levelAfterReview(
  before: NoteStanding,
  allCorrect: boolean,
  now: Date,
): NoteStanding {
  if (!allCorrect) {
    return before.level >= PROFICIENT ? { level: FAMILIAR, proficientAt: null } : before;
  }
  const dueForMastery =
    before.level === PROFICIENT &&
    before.proficientAt !== null &&
    now.getTime() - before.proficientAt.getTime() >= MASTERY_GAP_MS;
  return dueForMastery ? { level: MASTERED, proficientAt: before.proficientAt } : before;
}

/**
 * The notes a review touched, each with whether every one of its items was answered right: a review
 * mixes items of several notes, and each note's standing moves on its own items only.
 */
export function reviewOutcomeByNote(
  results: ReadonlyArray<{ noteSlug: string; correct: boolean }>,
): Map<string, boolean> {
  const allCorrect = new Map<string, boolean>();
  for (const { noteSlug, correct } of results) {
    allCorrect.set(noteSlug, (allCorrect.get(noteSlug) ?? true) && correct);
  }
  return allCorrect;
}
