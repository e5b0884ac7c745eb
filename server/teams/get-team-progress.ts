import "server-only";
import type { Owner } from "@/lib/content/types";
import type { CurrentUser } from "@/lib/contracts/session";
import type { ItemAnalysis, LearnerProgress } from "@/lib/contracts/teams";
import { levelName, MASTERY_LEVELS } from "@/lib/quiz/mastery";
import type { Db } from "@/server/db/client";
import { countLessonsRead, listLessons } from "@/server/progress/get-progress";
import { requireTeamManager } from "./access";
import { readReviewsDue } from "./overdue";

const PROFICIENT = MASTERY_LEVELS.indexOf("proficient");

/**
 * The instructor's view of a team, read from per-learner aggregates (note progress and the running
 * counters on review cards) so that its cost grows with the team, not with the answer history.
 */
export async function getTeamProgress(
  db: Db,
  actor: CurrentUser,
  teamId: string,
  now = new Date(),
) {
  const team = await requireTeamManager(db, actor, teamId);
  const inTeam = { user: { memberships: { some: { teamId, role: "MEMBER" as const } } } };
  const [members, lessons, progress, itemStats] = await Promise.all([
    db.teamMembership.findMany({
      where: { teamId, role: "MEMBER" },
      select: { user: { select: { id: true, name: true, email: true, lastActiveAt: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    listLessons(db),
    db.noteProgress.findMany({
      where: inTeam,
      select: {
        userId: true,
        noteSlug: true,
        readAt: true,
        attempts: true,
        bestScore: true,
        level: true,
      },
    }),
    db.teamItemStat.findMany({
      where: { teamId, attempts: { gt: 0 }, item: { retiredAt: null } },
      include: { item: { select: { prompt: true, noteSlug: true } } },
    }),
  ]);

  // The grid's columns: the lessons with a quiz.
  const notes = lessons.filter((l) => l.hasQuiz).map(({ slug, title }) => ({ slug, title }));
  const due = await readReviewsDue(
    db,
    members.map((m) => m.user.id),
    now,
  );
  const progressOf = new Map<string, Map<string, (typeof progress)[number]>>();
  for (const row of progress) {
    const byNote = progressOf.get(row.userId) ?? new Map();
    byNote.set(row.noteSlug, row);
    progressOf.set(row.userId, byNote);
  }

  const learners: LearnerProgress[] = members.map(({ user }) => {
    const mine = progressOf.get(user.id) ?? new Map<string, (typeof progress)[number]>();
    return {
      userId: user.id,
      name: user.name,
      email: user.email,
      lessonsRead: countLessonsRead(
        lessons,
        [...mine.values()].filter((p) => p.readAt).map((p) => p.noteSlug),
      ),
      quizzes: notes.map((n) => ({
        slug: n.slug,
        attempts: mine.get(n.slug)?.attempts ?? 0,
        bestScore: mine.get(n.slug)?.bestScore ?? null,
      })),
      mastery: notes.map((n) => ({
        noteSlug: n.slug,
        level: levelName(mine.get(n.slug)?.level ?? 0),
      })),
      lastActiveAt: user.lastActiveAt?.toISOString() ?? null,
      ...(due.get(user.id) ?? { reviewsDue: 0, oldestDueAt: null, overdue: false }),
    };
  });

  const items: ItemAnalysis[] = itemStats
    .map((s) => {
      const wrong: Array<[Owner, number]> = [
        ["AWS", s.wrongAws],
        ["CUSTOMER", s.wrongCustomer],
        ["SHARED", s.wrongShared],
      ];
      const [topChoice, topCount] = wrong.reduce((best, next) => (next[1] > best[1] ? next : best));
      return {
        itemId: s.itemId,
        prompt: s.item.prompt,
        noteSlug: s.item.noteSlug,
        attempts: s.attempts,
        correctRate: s.correctCount / s.attempts,
        commonWrongChoice: topCount > 0 ? topChoice : null,
        commonWrongRate: topCount / s.attempts,
      };
    })
    .sort(
      (a, b) =>
        a.correctRate - b.correctRate ||
        b.attempts - a.attempts ||
        a.prompt.localeCompare(b.prompt),
    );

  const pairs = learners.length * notes.length;
  const quizSlugs = new Set(notes.map((n) => n.slug));
  const proficientPairs = progress.filter(
    (p) => p.level >= PROFICIENT && quizSlugs.has(p.noteSlug),
  ).length;
  // Shares stay unrounded: pages turn them into percentages with sharePercent, the one rounding.
  return {
    team: { id: team.id, name: team.name, inviteCode: team.inviteCode },
    notes,
    lessonCount: lessons.length,
    learners,
    items,
    completion: pairs ? proficientPairs / pairs : 0,
  };
}
