import "server-only";
import type { CurrentUser } from "@/lib/contracts/session";
import type { Db } from "@/server/db/client";
import { forbidden, notFound } from "@/server/http/errors";

/**
 * Whether the actor may manage a team in which they hold `membershipRole` (or none). Managing takes
 * the global role as well as the team role: an instructor an admin set back to learner keeps their
 * team membership row but loses the team at their next request, since the role is read fresh.
 */
export function managesTeam(
  actor: CurrentUser,
  membershipRole: "INSTRUCTOR" | "MEMBER" | undefined,
): boolean {
  return actor.role === "ADMIN" || (actor.role === "INSTRUCTOR" && membershipRole === "INSTRUCTOR");
}

/**
 * The team, when the actor may manage it (see managesTeam). Learners, members and other instructors
 * get 403; a team that does not exist is a 404.
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
  if (!managesTeam(actor, team.memberships[0]?.role))
    throw forbidden("Only this team's instructors and admins can do this.");
  return { id: team.id, name: team.name, inviteCode: team.inviteCode, createdAt: team.createdAt };
}
