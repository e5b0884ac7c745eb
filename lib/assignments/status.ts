import type { AssignmentStatus, TargetMastery } from "@/lib/contracts/assignments";
import { MASTERY_LABELS, MASTERY_LEVELS } from "@/lib/quiz/mastery";

/** The mastery levels an assignment may ask for, as stored in `Assignment.targetLevel`. */
const TARGET_LEVELS: Record<TargetMastery, number> = {
  FAMILIAR: MASTERY_LEVELS.indexOf("familiar"),
  PROFICIENT: MASTERY_LEVELS.indexOf("proficient"),
  MASTERED: MASTERY_LEVELS.indexOf("mastered"),
};

export function targetLevelOf(target: TargetMastery): number {
  return TARGET_LEVELS[target];
}

/** The API's name for a stored target level; null for a practice test, which has none. */
export function targetMasteryOf(level: number | null): TargetMastery | null {
  const entry = Object.entries(TARGET_LEVELS).find(([, index]) => index === level);
  return entry ? (entry[0] as TargetMastery) : null;
}

/** "Proficient", for titles and exports. */
export function targetLabel(target: TargetMastery): string {
  return MASTERY_LABELS[MASTERY_LEVELS[TARGET_LEVELS[target]]];
}

/** True when every note of a notes assignment stands at the target level or above now. */
export function meetsTarget(targetLevel: number, noteLevels: readonly number[]): boolean {
  return noteLevels.length > 0 && noteLevels.every((level) => level >= targetLevel);
}

/** What a learner has done on one assignment: what its status is decided from. */
export type LearnerWork =
  | {
      kind: "notes";
      /** A completion is on record: done stays done when mastery drops back after a missed review. */
      completed: boolean;
      targetLevel: number;
      /** The learner's level on each of the assignment's notes, 0 where they have none. */
      noteLevels: readonly number[];
    }
  | {
      kind: "practice";
      completed: boolean;
      /** Attempts started for this assignment, submitted or not. */
      attemptsStarted: number;
    };

/**
 * Done when finished (a completion on record, or, for notes, every note at the target now); else
 * overdue once the learner's own due date has passed; else in progress once started (a note
 * attempted, a practice attempt begun); else not started.
 */
export function assignmentStatus(work: LearnerWork, dueAt: Date, now: Date): AssignmentStatus {
  const done =
    work.completed || (work.kind === "notes" && meetsTarget(work.targetLevel, work.noteLevels));
  if (done) return "done";
  if (now.getTime() > dueAt.getTime()) return "overdue";
  const started =
    work.kind === "notes"
      ? work.noteLevels.some((level) => level >= MASTERY_LEVELS.indexOf("attempted"))
      : work.attemptsStarted > 0;
  return started ? "in_progress" : "not_started";
}

/** A learner's due date: their extension's when they have one. */
export function effectiveDueAt(dueAt: Date, extensionDueAt: Date | null | undefined): Date {
  return extensionDueAt ?? dueAt;
}

const TITLE_NOTES = 3;

/** The note titles for a made-up title: the first three, then how many more. */
function listTitles(noteTitles: readonly string[]): string {
  const shown = noteTitles.slice(0, TITLE_NOTES).join(", ");
  const more = noteTitles.length - TITLE_NOTES;
  return more > 0 ? `${shown} and ${more} more` : shown;
}

/** The title an assignment gets when the instructor gives none. */
export function assignmentTitle(
  assignment: { kind: "notes"; targetMastery: TargetMastery } | { kind: "practice"; size: number },
  noteTitles: readonly string[],
): string {
  return assignment.kind === "notes"
    ? `${listTitles(noteTitles)} — ${targetLabel(assignment.targetMastery)}`
    : `Practice test: ${listTitles(noteTitles)} (${assignment.size} questions)`;
}
