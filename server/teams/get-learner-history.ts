import "server-only";
import type { CurrentUser } from "@/lib/contracts/session";
import type { LearnerHistory } from "@/lib/contracts/teams";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/http/errors";
import { requireTeamManager } from "./access";

/** An instructor's drill-down: a team member's submitted attempts, each answer beside what was expected. */
export async function getLearnerHistory(
  db: Db,
  actor: CurrentUser,
  teamId: string,
  userId: string,
  limit = 50,
): Promise<LearnerHistory> {
  await requireTeamManager(db, actor, teamId);
  const membership = await db.teamMembership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: {
      role: true,
      user: { select: { id: true, name: true, email: true, lastActiveAt: true } },
    },
  });
  if (!membership || membership.role !== "MEMBER") throw notFound("Learner");
  const attempts = await db.attempt.findMany({
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
  });
  return {
    learner: {
      ...membership.user,
      lastActiveAt: membership.user.lastActiveAt?.toISOString() ?? null,
    },
    attempts: attempts.map((a) => ({
      attemptId: a.id,
      kind: a.kind === "REVIEW" ? "review" : "quiz",
      noteSlug: a.noteSlug,
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
