import "server-only";
import type { Db } from "@/server/db/client";

/** Everything the app holds about one learner, for them to download. Never the password hash. */
export async function exportMyData(db: Db, userId: string) {
  const [profile, memberships, progress, attempts, cards, mastery] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        createdAt: true,
        lastActiveAt: true,
      },
    }),
    db.teamMembership.findMany({
      where: { userId },
      select: { role: true, joinedAt: true, team: { select: { id: true, name: true } } },
    }),
    db.noteProgress.findMany({ where: { userId }, omit: { userId: true } }),
    db.attempt.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        kind: true,
        noteSlug: true,
        status: true,
        correct: true,
        total: true,
        createdAt: true,
        submittedAt: true,
        answers: {
          orderBy: { position: "asc" },
          select: {
            itemId: true,
            choice: true,
            correct: true,
            answeredAt: true,
            itemVersion: { select: { prompt: true, owner: true, version: true } },
          },
        },
      },
    }),
    db.reviewCard.findMany({ where: { userId }, omit: { userId: true } }),
    db.masteryEvent.findMany({
      where: { userId },
      orderBy: { at: "asc" },
      select: { noteSlug: true, level: true, at: true },
    }),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    profile,
    teams: memberships,
    noteProgress: progress,
    attempts,
    reviewCards: cards,
    masteryHistory: mastery,
  };
}
