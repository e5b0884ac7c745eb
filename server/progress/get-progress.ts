import "server-only";
import type { MyProgress } from "@/lib/contracts/progress";
import { levelName } from "@/lib/quiz/mastery";
import { scorePercent } from "@/lib/quiz/score";
import { currentStreak } from "@/lib/quiz/streak";
import type { Db } from "@/server/db/client";
import { countDue } from "@/server/quiz/start-review";

/** One learner's progress: `GET /api/me/progress`, and what the progress page shows. */
export async function getProgress(db: Db, userId: string, now = new Date()): Promise<MyProgress> {
  const [notes, progress, history, due] = await Promise.all([
    db.note.findMany({
      where: { retiredAt: null },
      select: {
        slug: true,
        title: true,
        items: { where: { retiredAt: null }, select: { id: true }, take: 1 },
      },
      orderBy: { title: "asc" },
    }),
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
  ]);
  const byNote = new Map(progress.map((p) => [p.noteSlug, p]));
  const activeDays = [
    ...history.map((a) => a.submittedAt),
    ...progress.map((p) => p.readAt),
  ].filter((d): d is Date => d !== null);
  return {
    lessons: notes.map((n) => ({
      slug: n.slug,
      title: n.title,
      read: Boolean(byNote.get(n.slug)?.readAt),
    })),
    quizzes: notes
      .filter((n) => n.items.length > 0)
      .map((n) => {
        const p = byNote.get(n.slug);
        return {
          slug: n.slug,
          title: n.title,
          attempts: p?.attempts ?? 0,
          bestScore: p?.bestScore ?? null,
          lastScore: p?.lastScore ?? null,
        };
      }),
    mastery: notes
      .filter((n) => n.items.length > 0)
      .map((n) => ({ noteSlug: n.slug, level: levelName(byNote.get(n.slug)?.level ?? 0) })),
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
