import "server-only";
import type { CurrentUser } from "@/lib/contracts/session";
import type { Db } from "@/server/db/client";
import { forbidden, notFound } from "@/server/http/errors";

/**
 * The team, when the actor may manage it: an admin, or one of the team's instructors. Learners,
 * members and other instructors get 403; a team that does not exist is a 404.
 */
export async function requireTeamManager(db: Db, actor: CurrentUser, teamId: string) {
  const team = await db.team.findUnique({
    where: { id: teamId },
    select: {
      id: true,
      name: true,
      inviteCode: true,
      createdAt: true,
      memberships: { where: { userId: actor.id }, select: { role: true } },
    },
  });
  if (!team) throw notFound("Team");
  const instructs = team.memberships[0]?.role === "INSTRUCTOR";
  if (actor.role !== "ADMIN" && !instructs)
    throw forbidden("Only this team's instructors and admins can do this.");
  return { id: team.id, name: team.name, inviteCode: team.inviteCode, createdAt: team.createdAt };
}
