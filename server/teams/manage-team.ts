import "server-only";
import type { CurrentUser } from "@/lib/contracts/session";
import type { RemovedMember, TeamWithCode } from "@/lib/contracts/teams";
import type { Db } from "@/server/db/client";
import { recordAudit } from "@/server/audit/record-audit";
import { conflict, notFound } from "@/server/http/errors";
import { requireTeamManager } from "./access";
import { newInviteCode } from "./invite-code";
import { removeLearnerFromTeamStats } from "./team-item-stats";
import { transaction } from "@/server/db/transaction";

/** Replaces the invite code: the old code and its join link stop working at once. */
export async function rotateInviteCode(
  db: Db,
  actor: CurrentUser,
  teamId: string,
  address: string | null = null,
): Promise<TeamWithCode> {
  await requireTeamManager(db, actor, teamId);
  return transaction(db, async (tx) => {
    const team = await tx.team.update({
      where: { id: teamId },
      data: { inviteCode: newInviteCode() },
      select: { id: true, name: true, inviteCode: true },
    });
    // Never the code itself: the trail is read by more people than the team's instructors.
    await recordAudit(tx, {
      actorId: actor.id,
      action: "team.invite.rotate",
      targetType: "team",
      targetId: teamId,
      address,
    });
    return team;
  });
}

/** Takes a learner out of the team. Their own progress stays theirs. */
export async function removeMember(
  db: Db,
  actor: CurrentUser,
  teamId: string,
  userId: string,
  address: string | null = null,
): Promise<RemovedMember> {
  await requireTeamManager(db, actor, teamId);
  return transaction(db, async (tx) => {
    const membership = await tx.teamMembership.findUnique({
      where: { teamId_userId: { teamId, userId } },
    });
    if (!membership) throw notFound("Member");
    if (membership.role === "INSTRUCTOR") throw conflict("Instructors cannot be removed here.");
    await tx.teamMembership.delete({ where: { teamId_userId: { teamId, userId } } });
    await removeLearnerFromTeamStats(tx, teamId, userId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "team.member.remove",
      targetType: "team",
      targetId: teamId,
      address,
      details: { userId },
    });
    return { teamId, userId };
  });
}
