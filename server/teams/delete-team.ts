import "server-only";
import type { CurrentUser } from "@/lib/contracts/session";
import { recordAudit } from "@/server/audit/record-audit";
import type { Db } from "@/server/db/client";
import { forbidden } from "@/server/http/errors";
import { requireTeamManager } from "./access";
import { transaction } from "@/server/db/transaction";

/**
 * Deletes a team (its instructors and admins only). The database cascades to its memberships, its
 * item statistics and its assignments (with their notes, extensions and completions). Learners'
 * own attempts and answers stay theirs: an attempt started for one of its assignments keeps its
 * score and only loses the link (Attempt.assignmentId is SET NULL), as progress outlives a team.
 */
export async function deleteTeam(
  db: Db,
  actor: CurrentUser,
  teamId: string,
  address: string | null = null,
): Promise<void> {
  // A learner manages no team: refused before the team is looked up, as creating one is.
  if (actor.role === "LEARNER")
    throw forbidden("Only this team's instructors and admins can do this.");
  const team = await requireTeamManager(db, actor, teamId);
  await transaction(db, async (tx) => {
    const members = await tx.teamMembership.count({ where: { teamId } });
    // deleteMany, not delete: a concurrent deletion of the same team leaves nothing to record twice.
    const { count } = await tx.team.deleteMany({ where: { id: teamId } });
    if (count === 0) return;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "team.delete",
      targetType: "team",
      targetId: teamId,
      address,
      details: { name: team.name, members },
    });
  });
}
