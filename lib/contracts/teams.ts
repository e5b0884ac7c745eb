import type { Owner } from "@/lib/content/types";
import type { QuizItemKind } from "@/lib/contracts/quiz";
import type { MasteryLevel } from "@/lib/quiz/mastery";

/** `GET /api/teams`: the teams the user instructs or belongs to. */
export interface TeamSummary {
  id: string;
  name: string;
  role: "instructor" | "member";
  /** Only for the team's instructors and admins. */
  inviteCode?: string;
}

/** Every team, as an admin lists them. */
export interface TeamListing {
  id: string;
  name: string;
  inviteCode: string;
  members: number;
}

/** `POST /api/teams`, `POST /api/teams/<id>/invite-code`. */
export interface TeamWithCode {
  id: string;
  name: string;
  inviteCode: string;
}

/** `POST /api/teams/join`. */
export interface JoinedTeam {
  id: string;
  name: string;
}

/** `DELETE /api/teams/<id>/members/<userId>`. */
export interface RemovedMember {
  teamId: string;
  userId: string;
}

export interface LearnerProgress {
  userId: string;
  name: string;
  email: string;
  /** Lessons read, out of every lesson (see listLessons in server/progress/get-progress.ts). */
  lessonsRead: number;
  quizzes: Array<{ slug: string; attempts: number; bestScore: number | null }>;
  mastery: Array<{ noteSlug: string; level: MasteryLevel }>;
  lastActiveAt: string | null;
  /** Review cards due now. */
  reviewsDue: number;
  /** When the longest-waiting due review fell due; null when nothing is due. */
  oldestDueAt: string | null;
  /** Reviews have waited more than OVERDUE_AFTER_DAYS days (server/teams/overdue.ts). */
  overdue: boolean;
}

/** An item's kind as the API spells it (ITEM_KINDS in lib/content/types.ts, lower-cased). */
export type ItemKindName = QuizItemKind;

/**
 * The wrong answer given most often: an owner for items answered with one, or the text of the
 * statement picked for items answered with an option (split halves, a scenario's failed control).
 */
export type CommonWrong = { owner: Owner } | { option: string };

/** What an item analysis flags for an instructor to look at (lib/teams/discrimination.ts). */
export type ItemFlag = "low_discrimination" | "too_hard" | "too_easy";

export interface ItemAnalysis {
  itemId: string;
  /** The item's own prompt, as stored. */
  prompt: string;
  noteSlug: string;
  attempts: number;
  /** Share of answers that were right, from 0 to 1: the item's facility. */
  correctRate: number;
  /** The wrong owner chosen most often (null for items answered with an option). */
  commonWrongChoice: Owner | null;
  /** The share of all answers that gave `commonWrong`, owner or option. */
  commonWrongRate: number;
  kind: ItemKindName;
  /**
   * The prompt as a table row names it: "Guest operating system on IaaS (EC2)",
   * "Patch management — AWS half", "A public bucket — which control".
   */
  label: string;
  /** Wrong answers given as "sure". */
  sureWrong: number;
  commonWrong: CommonWrong | null;
  /**
   * The item–rest point-biserial correlation of the current wording, over the learners' first
   * answers; null while fewer than MIN_RESPONDENTS learners answered it (lib/teams/discrimination.ts).
   */
  discrimination: number | null;
  flags: ItemFlag[];
}

/** One half of a Shared control, answered by the team. */
export interface HalfAnalysis {
  itemId: string;
  attempts: number;
  /** Share of answers that were right, from 0 to 1. */
  correctRate: number;
}

/** The two halves of one Shared control (split items grouped by note and control). */
export interface SharedHalves {
  noteSlug: string;
  control: string;
  /** null when the team has not answered that half. */
  aws: HalfAnalysis | null;
  customer: HalfAnalysis | null;
  /** The half with the lower facility; null when both are alike or one is unanswered. */
  missedMore: "AWS" | "CUSTOMER" | null;
}

/** `GET /api/teams/<id>/progress`. */
export interface TeamProgressResponse {
  learners: LearnerProgress[];
  items: ItemAnalysis[];
  /** The denominator of every learner's `lessonsRead`. */
  lessonCount: number;
  /** Every Shared control with halves that the team has answered, the most-missed half first. */
  halves: SharedHalves[];
}

/**
 * One day of a team's mastery: the shares, from 0 to 1, of learner × note pairs at the end of the
 * day at Familiar or better, at Proficient or better, and at Mastered.
 */
export interface MasteryPoint {
  day: string;
  proficientShare: number;
  familiarShare: number;
  masteredShare: number;
}

/** An instructor's drill-down into one learner: submitted attempts, newest first. */
export interface LearnerHistory {
  team: { id: string; name: string };
  learner: { id: string; name: string; email: string; lastActiveAt: string | null };
  /** Lessons read, out of `lessonCount`: the dashboard's count. */
  lessonsRead: number;
  lessonCount: number;
  reviewsDue: number;
  oldestDueAt: string | null;
  overdue: boolean;
  /** The learner's standing on each note with a quiz, by title. */
  notes: Array<{
    slug: string;
    title: string;
    level: MasteryLevel;
    attempts: number;
    bestScore: number | null;
    read: boolean;
  }>;
  /**
   * Items the learner has answered wrongly LEECH_FAILURES times or more (lib/quiz/leech.ts), most
   * failed first: worth rewording, or a talk.
   */
  leeches: Array<{
    itemId: string;
    /** The item as a table row names it (see ItemAnalysis.label). */
    label: string;
    noteSlug: string;
    failures: number;
  }>;
  attempts: Array<{
    attemptId: string;
    kind: "quiz" | "review" | "practice";
    noteSlug: string | null;
    /** The quiz's title; for a review, null. */
    noteTitle: string | null;
    correct: number;
    total: number;
    submittedAt: string | null;
    answers: Array<{
      itemId: string;
      prompt: string;
      choice: Owner | null;
      expected: Owner;
      correct: boolean;
      kind: ItemKindName;
      /** The prompt as a table row names it (see ItemAnalysis.label). */
      label: string;
      /** For items answered with an option: the statement picked, and the right one. */
      option: string | null;
      expectedOption: string | null;
      confidence: "sure" | "unsure" | null;
    }>;
  }>;
}
