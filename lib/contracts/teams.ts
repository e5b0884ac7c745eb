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
  lessonsRead: number;
  quizzes: Array<{ slug: string; attempts: number; bestScore: number | null }>;
  mastery: Array<{ noteSlug: string; level: MasteryLevel }>;
  lastActiveAt: string | null;
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
}

/** One day of a team's mastery: the share, from 0 to 1, of learner × note pairs at Proficient or better. */
export interface MasteryPoint {
  day: string;
  proficientShare: number;
}

/** An instructor's drill-down into one learner: submitted attempts, newest first. */
export interface LearnerHistory {
  learner: { id: string; name: string; email: string; lastActiveAt: string | null };
  attempts: Array<{
    attemptId: string;
    kind: "quiz" | "review";
    noteSlug: string | null;
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
