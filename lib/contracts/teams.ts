import type { Owner } from "@/lib/content/types";
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

export interface ItemAnalysis {
  itemId: string;
  prompt: string;
  noteSlug: string;
  attempts: number;
  /** Share of answers that were right, from 0 to 1: the item's facility. */
  correctRate: number;
  /** The wrong owner chosen most often, and the share of all answers that chose it. */
  commonWrongChoice: Owner | null;
  commonWrongRate: number;
}

/** `GET /api/teams/<id>/progress`. */
export interface TeamProgressResponse {
  learners: LearnerProgress[];
  items: ItemAnalysis[];
  /** The denominator of every learner's `lessonsRead`. */
  lessonCount: number;
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
  attempts: Array<{
    attemptId: string;
    kind: "quiz" | "review";
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
    }>;
  }>;
}
