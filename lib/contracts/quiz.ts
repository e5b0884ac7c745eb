import type { ItemOption, Owner } from "@/lib/content/types";
import type { Grade } from "@/lib/quiz/grade";

/** The item kinds as the API names them: ITEM_KINDS in lib/content/types.ts, lower-cased. */
export const QUIZ_ITEM_KINDS = ["assign", "service", "matrix", "split", "scenario"] as const;
export type QuizItemKind = (typeof QUIZ_ITEM_KINDS)[number];

/** The kinds that ask who owns a named control, in general or on one service: the quiz board's cards. */
export function isCardKind(kind: QuizItemKind): kind is "assign" | "service" {
  return kind === "assign" || kind === "service";
}
export type Confidence = "sure" | "unsure";

/**
 * An item as a learner sees it: never with its owner or its right option. It is answered either with
 * an owner from `choices` or with one of `options`, never both: the other list is empty. Matrix cells,
 * split halves and scenario parts carry their group, which the quiz shows together. A service item is
 * answered like an assign item, with an owner.
 */
export interface QuizItem {
  id: string;
  kind: QuizItemKind;
  prompt: string;
  detail: string;
  serviceModel: string | null;
  noteSlug: string;
  /** A service item's service, "Amazon EC2": the owner asked holds for that service only. */
  service: string | null;
  choices: Owner[];
  options: ItemOption[];
  matrix: {
    id: string;
    title: string;
    row: string;
    column: string;
    rowIndex: number;
    columnIndex: number;
  } | null;
  split: { control: string; half: "AWS" | "CUSTOMER" } | null;
  scenario: { id: string; title: string; story: string; part: "owner" | "control" } | null;
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
  option: string | null;
  confidence: Confidence | null;
}

/**
 * Whether a submitted attempt's right answers and explanations are shown yet. An attempt started for
 * an assignment follows its review options (Moodle's): at once, after the learner's due date
 * (`shownFrom`, ISO), or never. Any other attempt shows them at once.
 */
export interface AttemptReview {
  answersShown: boolean;
  shownFrom: string | null;
}

/** Every answer graded, with its explanation: the answers are shown. */
export type GradedAttempt = Grade & { review: AttemptReview & { answersShown: true } };

/**
 * The answers withheld: the score and the learner's own answers only, with no right answer,
 * explanation, lesson link or per-answer verdict.
 */
export interface WithheldGrade {
  score: Grade["score"];
  results: SavedChoice[];
  review: AttemptReview & { answersShown: false };
}

/** `POST /api/attempts/<id>/submit`: the score, and every answer graded once the answers are shown. */
export type AttemptResult = GradedAttempt | WithheldGrade;

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

/** A practice test's choices: what `POST /api/practice-tests` was asked for. */
export interface PracticeSettings {
  notes: string[] | null;
  kinds: QuizItemKind[] | null;
  size: number;
  timeLimitMinutes: number | null;
}

/** A score on one slice of a graded attempt: a note, or an item kind. */
export interface PartScore {
  key: string;
  title: string;
  correct: number;
  total: number;
}

/** `GET /api/attempts/<id>`. */
export interface Attempt {
  id: string;
  kind: "quiz" | "review" | "practice";
  noteSlug: string | null;
  status: "in_progress" | "submitted";
  /** A timed practice test's deadline (ISO); past it the server submits what was saved. */
  expiresAt: string | null;
  practice: PracticeSettings | null;
  /** The assignment a practice test was started for: its attempts start from `/assignments/<id>`. */
  assignmentId: string | null;
  /** Once submitted, the score per note and per kind; null before, and while answers are withheld. */
  byNote: PartScore[] | null;
  byKind: PartScore[] | null;
  answers: SavedChoice[];
  items: AttemptItem[];
  /** The graded answers once submitted; null before, so that an open attempt never shows an owner. */
  result: AttemptResult | null;
  /** The score by section, once submitted; null before, and while answers are withheld. */
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

/** `POST /api/practice-tests`. */
export interface StartedPractice {
  attemptId: string;
}
