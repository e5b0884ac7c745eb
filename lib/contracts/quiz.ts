import type { Owner } from "@/lib/content/types";
import type { Grade } from "@/lib/quiz/grade";

/** An item as a learner sees it: never with its owner. */
export interface QuizItem {
  id: string;
  kind: "assign" | "service";
  prompt: string;
  detail: string;
  serviceModel: string | null;
  noteSlug: string;
  choices: Owner[];
}

/** `GET /api/quizzes`: each note that has a quiz. */
export interface QuizSummary {
  slug: string;
  title: string;
  itemCount: number;
}

/** `GET /api/quizzes/<slug>`. */
export interface Quiz {
  slug: string;
  title: string;
  items: QuizItem[];
}

/** `POST /api/quizzes/<slug>/attempts`: the new attempt's items, in the order it shows them. */
export interface StartedAttempt {
  attemptId: string;
  items: QuizItem[];
}

export interface SavedChoice {
  itemId: string;
  choice: Owner | null;
}

/** `POST /api/attempts/<id>/submit`: the score and every answer graded, with its explanation. */
export type GradedAttempt = Grade;

/** `GET /api/attempts/<id>`. */
export interface Attempt {
  id: string;
  kind: "quiz" | "review";
  noteSlug: string | null;
  status: "in_progress" | "submitted";
  answers: SavedChoice[];
  items: QuizItem[];
  /** The graded answers once submitted; null before, so that an open attempt never shows an owner. */
  result: GradedAttempt | null;
}

/** `PUT /api/attempts/<id>/answers`. */
export interface SavedAnswers {
  saved: number;
  savedAt: string;
}

/** `POST /api/review`: the review to take now, or null when nothing is due. */
export interface ReviewStart {
  attemptId: string | null;
}
