/** Khan-style mastery levels, stored as their index so that "at least familiar" is a comparison. */
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

export const FAMILIAR_SCORE = 0.7;
export const MASTERY_GAP_MS = 24 * 60 * 60 * 1000;

export function levelName(index: number): MasteryLevel {
  return MASTERY_LEVELS[index] ?? "not-started";
}

export interface NoteStanding {
  level: number;
  proficientAt: Date | null;
}

/** The level after a graded quiz attempt on the note: the latest score decides. */
export function levelAfterQuiz(score: number, now: Date): NoteStanding {
  if (score >= 1) return { level: MASTERY_LEVELS.indexOf("proficient"), proficientAt: now };
  if (score >= FAMILIAR_SCORE)
    return { level: MASTERY_LEVELS.indexOf("familiar"), proficientAt: null };
  return { level: MASTERY_LEVELS.indexOf("attempted"), proficientAt: null };
}

/**
 * The level after a review answered items of this note. Proficient becomes mastered when every item
 * of the note seen in the review was recalled correctly at least a day after it became proficient.
 * A miss in review drops a proficient or mastered note back to familiar: it must be earned again.
 */
export function levelAfterReview(
  standing: NoteStanding,
  allCorrect: boolean,
  now: Date,
): NoteStanding {
  const proficient = MASTERY_LEVELS.indexOf("proficient");
  if (!allCorrect) {
    return standing.level >= proficient
      ? { level: MASTERY_LEVELS.indexOf("familiar"), proficientAt: null }
      : standing;
  }
  if (
    standing.level === proficient &&
    standing.proficientAt &&
    now.getTime() - standing.proficientAt.getTime() >= MASTERY_GAP_MS
  ) {
    return { level: MASTERY_LEVELS.indexOf("mastered"), proficientAt: standing.proficientAt };
  }
  return standing;
}
