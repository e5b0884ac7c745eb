import "server-only";
import type { CurrentUser } from "@/lib/contracts/session";
import type { LearnerHistory } from "@/lib/contracts/teams";
import { levelName } from "@/lib/quiz/mastery";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/http/errors";
import { countLessonsRead, listLessons } from "@/server/progress/get-progress";
import { requireTeamManager } from "./access";
import { readReviewsDue } from "./overdue";

/**
 * An instructor's drill-down: a team member's standing per note, and their submitted attempts, each
 * answer beside what was expected.
 */
export async function getLearnerHistory(
  db: Db,
  actor: CurrentUser,
  teamId: string,
  userId: string,
  limit = 50,
  now = new Date(),
): Promise<LearnerHistory> {
  const team = await requireTeamManager(db, actor, teamId);
  const membership = await db.teamMembership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: {
      role: true,
      user: { select: { id: true, name: true, email: true, lastActiveAt: true } },
    },
  });
  if (!membership || membership.role !== "MEMBER") throw notFound("Learner");
  const [lessons, progress, due, attempts] = await Promise.all([
    listLessons(db),
    db.noteProgress.findMany({
      where: { userId },
      select: { noteSlug: true, readAt: true, attempts: true, bestScore: true, level: true },
    }),
    readReviewsDue(db, [userId], now),
    db.attempt.findMany({
      where: { userId, status: "SUBMITTED" },
      orderBy: { submittedAt: "desc" },
      take: limit,
      select: {
        id: true,
        kind: true,
        noteSlug: true,
        correct: true,
        total: true,
        submittedAt: true,
        answers: {
          orderBy: { position: "asc" },
          select: {
            itemId: true,
            choice: true,
            correct: true,
            itemVersion: { select: { prompt: true, owner: true } },
          },
        },
      },
    }),
  ]);
  // Titles of every note, retired ones too: an old attempt keeps its quiz's name.
  const titles = new Map(
    (await db.note.findMany({ select: { slug: true, title: true } })).map((n) => [n.slug, n.title]),
  );
  const byNote = new Map(progress.map((p) => [p.noteSlug, p]));
  return {
    team: { id: team.id, name: team.name },
    learner: {
      ...membership.user,
      lastActiveAt: membership.user.lastActiveAt?.toISOString() ?? null,
    },
    lessonsRead: countLessonsRead(
      lessons,
      progress.filter((p) => p.readAt).map((p) => p.noteSlug),
    ),
    lessonCount: lessons.length,
    ...(due.get(userId) ?? { reviewsDue: 0, oldestDueAt: null, overdue: false }),
    notes: lessons
      .filter((l) => l.hasQuiz)
      .map((l) => {
        const p = byNote.get(l.slug);
        return {
          slug: l.slug,
          title: l.title,
          level: levelName(p?.level ?? 0),
          attempts: p?.attempts ?? 0,
          bestScore: p?.bestScore ?? null,
          read: Boolean(p?.readAt),
        };
      }),
    attempts: attempts.map((a) => ({
      attemptId: a.id,
      kind: a.kind === "REVIEW" ? "review" : "quiz",
      noteSlug: a.noteSlug,
      noteTitle: a.noteSlug ? (titles.get(a.noteSlug) ?? a.noteSlug) : null,
      correct: a.correct ?? 0,
      total: a.total,
      submittedAt: a.submittedAt?.toISOString() ?? null,
      answers: a.answers.map((x) => ({
        itemId: x.itemId,
        prompt: x.itemVersion.prompt,
        choice: x.choice,
        expected: x.itemVersion.owner,
        correct: x.correct === true,
      })),
    })),
  };
}
