import type { MasteryLevel } from "@/lib/quiz/mastery";

/** `PUT /api/me/lessons/<slug>/read`. */
export interface LessonRead {
  slug: string;
  read: boolean;
}

export interface AttemptRecord {
  attemptId: string;
  kind: "quiz" | "review";
  noteSlug: string | null;
  correct: number;
  total: number;
  /** The score as a whole percentage (lib/quiz/score.ts). */
  score: number;
  submittedAt: string | null;
}

/** `GET /api/me/progress`: one learner's progress, which the progress page shows in full. */
export interface MyProgress {
  /** Every lesson (a note that is not retired), with or without a quiz. */
  lessons: Array<{ slug: string; title: string; read: boolean }>;
  /** How many of `lessons` are read: the same count as the team dashboard's "Read". */
  lessonsRead: number;
  quizzes: Array<{
    slug: string;
    title: string;
    attempts: number;
    /** Best and latest scores on the note, as whole percentages. */
    bestScore: number | null;
    lastScore: number | null;
  }>;
  mastery: Array<{ noteSlug: string; level: MasteryLevel }>;
  due: number;
  streak: number;
  /** Submitted attempts, oldest first. */
  history: AttemptRecord[];
}
