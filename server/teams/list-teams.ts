import "server-only";
import type { CurrentUser } from "@/lib/contracts/session";
import type { TeamListing, TeamSummary } from "@/lib/contracts/teams";
import type { Db } from "@/server/db/client";
import { managesTeam } from "./access";

/** The teams the user instructs or belongs to. Invite codes only for the team's instructors and admins. */
export async function listMyTeams(db: Db, actor: CurrentUser): Promise<TeamSummary[]> {
  const memberships = await db.teamMembership.findMany({
    where: { userId: actor.id },
    select: { role: true, team: { select: { id: true, name: true, inviteCode: true } } },
    orderBy: { team: { name: "asc" } },
  });
  return memberships.map(({ role, team }) => {
    const manages = managesTeam(actor, role);
    return {
      id: team.id,
      name: team.name,
      role: role === "INSTRUCTOR" && manages ? "instructor" : "member",
      ...(manages ? { inviteCode: team.inviteCode } : {}),
    };
  });
}

/** Every team, with member counts: what an admin manages. */
export async function listAllTeams(db: Db): Promise<TeamListing[]> {
  const teams = await db.team.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      inviteCode: true,
      _count: { select: { memberships: { where: { role: "MEMBER" } } } },
    },
  });
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    inviteCode: t.inviteCode,
    members: t._count.memberships,
  }));
}
