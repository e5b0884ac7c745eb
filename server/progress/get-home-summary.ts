import "server-only";
import type { Db } from "@/server/db/client";
import { countDue } from "@/server/quiz/start-review";
import { countLessonsRead } from "./get-progress";

export interface LessonRef {
  slug: string;
  title: string;
  summary?: string;
}

/** What a signed-in learner's home page offers: where they were, what is due, what comes next. */
export interface HomeSummary {
  /** The quiz or lesson the learner touched last, or null before they touch anything. */
  resume:
    | { kind: "quiz"; lesson: LessonRef; status: "in-progress" | "submitted"; score: string | null }
    | { kind: "lesson"; lesson: LessonRef }
    | null;
  /** Review items due now. */
  due: number;
  /** The first lesson in `lessons` order the learner has not read, or null when all are read. */
  next: LessonRef | null;
  read: number;
  total: number;
}

/**
 * One learner's home page summary. `lessons` are the published lessons in the order a newcomer
 * should read them; a quiz or lesson that is no longer among them is not offered.
 */
export async function getHomeSummary(
  db: Db,
  userId: string,
  lessons: LessonRef[],
  now = new Date(),
): Promise<HomeSummary> {
  const slugs = lessons.map((lesson) => lesson.slug);
  const [lastQuiz, reads, due] = await Promise.all([
    db.attempt.findFirst({
      where: { userId, kind: "QUIZ", noteSlug: { in: slugs } },
      orderBy: { updatedAt: "desc" },
      select: { noteSlug: true, status: true, correct: true, total: true, updatedAt: true },
    }),
    // Every lesson read, newest first: the first is where the learner left off reading.
    db.noteProgress.findMany({
      where: { userId, readAt: { not: null }, noteSlug: { in: slugs } },
      orderBy: { readAt: "desc" },
      select: { noteSlug: true, readAt: true },
    }),
    countDue(db, userId, now),
  ]);
  const bySlug = new Map(lessons.map((lesson) => [lesson.slug, lesson]));
  const readSlugs = new Set(reads.map((p) => p.noteSlug));
  const lastRead = reads[0];

  let resume: HomeSummary["resume"] = null;
  const quizLesson = lastQuiz?.noteSlug ? bySlug.get(lastQuiz.noteSlug) : undefined;
  const readLesson = lastRead ? bySlug.get(lastRead.noteSlug) : undefined;
  const quizIsLater =
    lastQuiz && (!lastRead?.readAt || lastQuiz.updatedAt.getTime() >= lastRead.readAt.getTime());
  if (lastQuiz && quizLesson && (quizIsLater || !readLesson)) {
    const submitted = lastQuiz.status === "SUBMITTED";
    resume = {
      kind: "quiz",
      lesson: quizLesson,
      status: submitted ? "submitted" : "in-progress",
      score: submitted ? `${lastQuiz.correct ?? 0} of ${lastQuiz.total}` : null,
    };
  } else if (readLesson) {
    resume = { kind: "lesson", lesson: readLesson };
  }

  return {
    resume,
    due,
    next: lessons.find((lesson) => !readSlugs.has(lesson.slug)) ?? null,
    read: countLessonsRead(lessons, readSlugs),
    total: lessons.length,
  };
}
