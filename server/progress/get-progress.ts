import "server-only";
import type { MyProgress } from "@/lib/contracts/progress";
import { levelName } from "@/lib/quiz/mastery";
import { scorePercent } from "@/lib/quiz/score";
import { currentStreak } from "@/lib/quiz/streak";
import type { Db } from "@/server/db/client";
import { countDue } from "@/server/quiz/start-review";
import { levelsAsShown, readWithheldAnswers } from "@/server/quiz/withheld-answers";

export interface Lesson {
  slug: string;
  title: string;
  /** Whether the lesson has a quiz: a note with at least one current item. */
  hasQuiz: boolean;
}

/**
 * The lessons, by title: every note that is not retired, with a quiz or without one (Service Models
 * Compared has none). The one definition behind "lessons read": the dashboard once counted reads of
 * any note, retired ones included, over the notes with a quiz (1/10), while /progress counted over
 * every lesson (1/11).
 */
export async function listLessons(db: Db): Promise<Lesson[]> {
  const notes = await db.note.findMany({
    where: { retiredAt: null },
    select: {
      slug: true,
      title: true,
      items: { where: { retiredAt: null }, select: { id: true }, take: 1 },
    },
    orderBy: { title: "asc" },
  });
  return notes.map((n) => ({ slug: n.slug, title: n.title, hasQuiz: n.items.length > 0 }));
}

/** How many of `lessons` were read, given the slugs of the notes someone has read. */
export function countLessonsRead(lessons: { slug: string }[], readSlugs: Iterable<string>): number {
  const read = new Set(readSlugs);
  return lessons.filter((l) => read.has(l.slug)).length;
}

/**
 * One learner's progress: `GET /api/me/progress`, and what the progress page shows. Mastery is as
 * the learner may see it at `now`: a practice test whose answers its assignment withholds does not
 * move it yet (levelsAsShown).
 */
export async function getProgress(db: Db, userId: string, now = new Date()): Promise<MyProgress> {
  const [lessons, progress, history, due, withheld] = await Promise.all([
    listLessons(db),
    db.noteProgress.findMany({ where: { userId } }),
    db.attempt.findMany({
      where: { userId, status: "SUBMITTED" },
      orderBy: { submittedAt: "asc" },
      select: {
        id: true,
        kind: true,
        noteSlug: true,
        correct: true,
        total: true,
        submittedAt: true,
      },
    }),
    countDue(db, userId, now),
    readWithheldAnswers(db, userId, now),
  ]);
  const byNote = new Map(progress.map((p) => [p.noteSlug, p]));
  const levels = await levelsAsShown(
    db,
    userId,
    withheld,
    new Map(progress.map((p) => [p.noteSlug, p.level])),
  );
  const activeDays = [
    ...history.map((a) => a.submittedAt),
    ...progress.map((p) => p.readAt),
  ].filter((d): d is Date => d !== null);
  const quizzes = lessons.filter((l) => l.hasQuiz);
  return {
    lessons: lessons.map((n) => ({
      slug: n.slug,
      title: n.title,
      read: Boolean(byNote.get(n.slug)?.readAt),
    })),
    lessonsRead: countLessonsRead(
      lessons,
      progress.filter((p) => p.readAt).map((p) => p.noteSlug),
    ),
    quizzes: quizzes.map((n) => {
      const p = byNote.get(n.slug);
      return {
        slug: n.slug,
        title: n.title,
        attempts: p?.attempts ?? 0,
        bestScore: p?.bestScore ?? null,
        lastScore: p?.lastScore ?? null,
      };
    }),
    mastery: quizzes.map((n) => ({
      noteSlug: n.slug,
      level: levelName(levels.get(n.slug) ?? 0),
    })),
    due,
    streak: currentStreak(activeDays, now),
    history: history.map((a) => {
      const score = { correct: a.correct ?? 0, total: a.total };
      return {
        attemptId: a.id,
        kind: a.kind === "REVIEW" ? "review" : "quiz",
        noteSlug: a.noteSlug,
        ...score,
        score: scorePercent(score),
        submittedAt: a.submittedAt?.toISOString() ?? null,
      };
    }),
  };
}
