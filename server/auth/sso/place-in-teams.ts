import "server-only";
import type { Prisma } from "@/generated/sqlite/client";
import { recordAudit } from "@/server/audit/record-audit";
import { addLearnerToTeamStats } from "@/server/teams/team-item-stats";

/**
 * Joins a user to the teams configuration maps their identity to, as a member. Idempotent: a
 * membership they already have (perhaps as instructor) is left as it is. A team id that names no
 * team is skipped and logged, since a stale mapping must not stop anyone signing in.
 */
export async function placeInTeams(
  tx: Prisma.TransactionClient,
  userId: string,
  teamIds: string[],
  address: string | null,
): Promise<string[]> {
  if (teamIds.length === 0) return [];
  const teams = await tx.team.findMany({ where: { id: { in: teamIds } }, select: { id: true } });
  const known = new Set(teams.map((team) => team.id));
  const unknown = teamIds.filter((id) => !known.has(id));
  if (unknown.length > 0)
    console.warn(`sso: team placement names no team with id ${unknown.join(", ")}; skipped`);
  const joined: string[] = [];
  for (const teamId of teamIds.filter((id) => known.has(id))) {
    const key = { teamId_userId: { teamId, userId } };
    if (await tx.teamMembership.findUnique({ where: key })) continue;
    await tx.teamMembership.create({ data: { teamId, userId, role: "MEMBER" } });
    await addLearnerToTeamStats(tx, teamId, userId);
    await recordAudit(tx, {
      actorId: userId,
      action: "team.member.add",
      targetType: "team",
      targetId: teamId,
      address,
      details: { userId, role: "MEMBER", via: "sso" },
    });
    joined.push(teamId);
  }
  return joined;
}
