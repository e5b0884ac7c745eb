import "server-only";
import type { Owner } from "@/lib/content/types";
import type { CurrentUser } from "@/lib/contracts/session";
import type { ItemAnalysis, LearnerProgress } from "@/lib/contracts/teams";
import { levelName, MASTERY_LEVELS } from "@/lib/quiz/mastery";
import type { Db } from "@/server/db/client";
import { requireTeamManager } from "./access";

const PROFICIENT = MASTERY_LEVELS.indexOf("proficient");

/**
 * The instructor's view of a team, read from per-learner aggregates (note progress and the running
 * counters on review cards) so that its cost grows with the team, not with the answer history.
 */
export async function getTeamProgress(db: Db, actor: CurrentUser, teamId: string) {
  const team = await requireTeamManager(db, actor, teamId);
  const inTeam = { user: { memberships: { some: { teamId, role: "MEMBER" as const } } } };
  const [members, notes, progress, itemStats] = await Promise.all([
    db.teamMembership.findMany({
      where: { teamId, role: "MEMBER" },
      select: { user: { select: { id: true, name: true, email: true, lastActiveAt: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    db.note.findMany({
      where: { retiredAt: null, items: { some: { retiredAt: null } } },
      select: { slug: true, title: true },
      orderBy: { title: "asc" },
    }),
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
      lessonsRead: [...mine.values()].filter((p) => p.readAt).length,
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
    learners,
    items,
    completion: pairs ? proficientPairs / pairs : 0,
  };
}
