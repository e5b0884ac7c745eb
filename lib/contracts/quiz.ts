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

/** An attempt's item, with the title of the note it comes from: a review mixes notes. */
export interface AttemptItem extends QuizItem {
  noteTitle: string;
}

/**
 * The score on one part of what an attempt covered: a lesson section ("Shared Controls"), or, for
 * the layers of a service model, that model ("IaaS (EC2)"). Only on graded attempts: a section's
 * title can give its items' owner away.
 */
export interface SectionScore {
  title: string;
  noteTitle: string;
  correct: number;
  total: number;
  itemIds: string[];
}

/** `GET /api/attempts/<id>`. */
export interface Attempt {
  id: string;
  kind: "quiz" | "review";
  noteSlug: string | null;
  status: "in_progress" | "submitted";
  answers: SavedChoice[];
  items: AttemptItem[];
  /** The graded answers once submitted; null before, so that an open attempt never shows an owner. */
  result: GradedAttempt | null;
  /** The score by section, once submitted; null before, like `result`. */
  sections: SectionScore[] | null;
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
