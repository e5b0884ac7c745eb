import "server-only";
import type { CurrentUser } from "@/lib/contracts/session";
import type { JoinedTeam } from "@/lib/contracts/teams";
import type { Db } from "@/server/db/client";
import { recordAudit } from "@/server/audit/record-audit";
import { HttpError } from "@/server/http/errors";
import { addLearnerToTeamStats } from "./team-item-stats";
import { transaction } from "@/server/db/transaction";

export async function findTeamByCode(db: Db, code: string): Promise<JoinedTeam | null> {
  return db.team.findUnique({
    where: { inviteCode: code.trim().toUpperCase() },
    select: { id: true, name: true },
  });
}

/** Joins the team whose current code this is. Joining twice is harmless; an instructor stays one. */
export async function joinTeam(
  db: Db,
  actor: CurrentUser,
  code: string,
  address: string | null = null,
): Promise<JoinedTeam> {
  const team = await findTeamByCode(db, code);
  if (!team)
    throw new HttpError(
      404,
      "not_found",
      "No team has this invite code. Ask your instructor for the current one.",
    );
  await transaction(db, async (tx) => {
    const key = { teamId_userId: { teamId: team.id, userId: actor.id } };
    if (await tx.teamMembership.findUnique({ where: key })) return;
    await tx.teamMembership.create({ data: { teamId: team.id, userId: actor.id, role: "MEMBER" } });
    await addLearnerToTeamStats(tx, team.id, actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "team.member.add",
      targetType: "team",
      targetId: team.id,
      address,
      details: { userId: actor.id },
    });
  });
  return team;
}
