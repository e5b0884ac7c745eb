import "server-only";
import type { CurrentUser } from "@/lib/contracts/session";
import type { RemovedMember, TeamWithCode } from "@/lib/contracts/teams";
import type { Db } from "@/server/db/client";
import { conflict, notFound } from "@/server/http/errors";
import { requireTeamManager } from "./access";
import { newInviteCode } from "./invite-code";
import { removeLearnerFromTeamStats } from "./team-item-stats";

/** Replaces the invite code: the old code and its join link stop working at once. */
export async function rotateInviteCode(
  db: Db,
  actor: CurrentUser,
  teamId: string,
): Promise<TeamWithCode> {
  await requireTeamManager(db, actor, teamId);
  return db.team.update({
    where: { id: teamId },
    data: { inviteCode: newInviteCode() },
    select: { id: true, name: true, inviteCode: true },
  });
}

/** Takes a learner out of the team. Their own progress stays theirs. */
export async function removeMember(
  db: Db,
  actor: CurrentUser,
  teamId: string,
  userId: string,
): Promise<RemovedMember> {
  await requireTeamManager(db, actor, teamId);
  return db.$transaction(async (tx) => {
    const membership = await tx.teamMembership.findUnique({
      where: { teamId_userId: { teamId, userId } },
    });
    if (!membership) throw notFound("Member");
    if (membership.role === "INSTRUCTOR") throw conflict("Instructors cannot be removed here.");
    await tx.teamMembership.delete({ where: { teamId_userId: { teamId, userId } } });
    await removeLearnerFromTeamStats(tx, teamId, userId);
    return { teamId, userId };
  });
}
