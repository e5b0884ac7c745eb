/** The JSON shapes of assignments (issue 16). The names and values here are contracts. */

import type { MasteryLevel } from "@/lib/quiz/mastery";

export const ASSIGNMENT_KINDS = ["notes", "practice"] as const;
export type AssignmentKindName = (typeof ASSIGNMENT_KINDS)[number];

/** The mastery a notes assignment asks for, as the API spells it. */
export const TARGET_MASTERY = ["FAMILIAR", "PROFICIENT", "MASTERED"] as const;
export type TargetMastery = (typeof TARGET_MASTERY)[number];

/** When the right answers and explanations of an assignment's attempts are shown. */
export const REVIEW_ANSWERS = ["immediately", "after_due", "never"] as const;
export type ReviewAnswersName = (typeof REVIEW_ANSWERS)[number];

export const ASSIGNMENT_STATUSES = ["not_started", "in_progress", "done", "overdue"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** `GET /api/me/assignments`: one row per assignment of the learner's teams that has opened. */
export interface MyAssignment {
  id: string;
  teamId: string;
  kind: AssignmentKindName;
  title: string;
  /** The learner's own due date: an extension's when they have one. ISO 8601. */
  dueAt: string;
  status: AssignmentStatus;
  /** Where the work is: the note's quiz, or the assignment's practice test. */
  href: string;
  /** True when `dueAt` is an extension granted to this learner. */
  extended: boolean;
}

/** An assignment as its team's instructors see it (`GET /api/teams/<id>/assignments`). */
export interface TeamAssignment {
  id: string;
  teamId: string;
  kind: AssignmentKindName;
  title: string;
  noteSlugs: string[];
  targetMastery: TargetMastery | null;
  size: number | null;
  timeLimitMinutes: number | null;
  attemptsAllowed: number | null;
  reviewAnswers: ReviewAnswersName;
  opensAt: string | null;
  dueAt: string;
  createdAt: string;
  /** How many of the team's learners are in each status. */
  counts: Record<AssignmentStatus, number>;
  /** One row per learner of the team, by name. */
  learners: Array<{
    userId: string;
    name: string;
    email: string;
    status: AssignmentStatus;
    /** The learner's due date, an extension's when they have one. */
    dueAt: string;
    extended: boolean;
    /** When it was first done; null until then, and for a learner at the target before it was set. */
    completedAt: string | null;
    /** Practice tests started for this assignment (notes: quiz attempts on its notes). */
    attempts: number;
    /** A practice assignment's best submitted score in percent; null for notes or before any. */
    bestScore: number | null;
  }>;
}

/** `POST /api/teams/<id>/assignments` and `POST /api/items/<itemId>/reports`. */
export interface CreatedId {
  id: string;
}

/** One learner's view of one assignment: the assignment page. */
export interface MyAssignmentDetail extends MyAssignment {
  opensAt: string | null;
  teamName: string;
  /** The assignment's notes in order, with the learner's level on each now. */
  notes: Array<{ slug: string; title: string; level: MasteryLevel }>;
  targetMastery: TargetMastery | null;
  size: number | null;
  timeLimitMinutes: number | null;
  attemptsAllowed: number | null;
  attemptsUsed: number;
  reviewAnswers: ReviewAnswersName;
  /** The learner's practice attempts for this assignment, oldest first. */
  attempts: Array<{
    id: string;
    status: "in_progress" | "submitted";
    correct: number | null;
    total: number;
    startedAt: string;
    submittedAt: string | null;
  }>;
}

/** `PUT /api/teams/<id>/assignments/<aid>/extensions/<userId>`. */
export interface ExtensionGranted {
  assignmentId: string;
  userId: string;
  dueAt: string;
}
