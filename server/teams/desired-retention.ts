import "server-only";
import type { CurrentUser } from "@/lib/contracts/session";
import type { Db } from "@/server/db/client";
import { requireTeamManager } from "./access";

/** The recall probability a team's reviews are scheduled for, as its instructors see it. */
export async function getDesiredRetention(
  db: Db,
  actor: CurrentUser,
  teamId: string,
): Promise<number> {
  await requireTeamManager(db, actor, teamId);
  const team = await db.team.findUniqueOrThrow({
    where: { id: teamId },
    select: { desiredRetention: true },
  });
  return team.desiredRetention;
}

/**
 * Sets a team's desired retention; the bounds are checked at the edge (desiredRetentionSchema).
 * Cards already scheduled keep their due dates: each learner's next answer follows the new value.
 */
export async function setDesiredRetention(
  db: Db,
  actor: CurrentUser,
  teamId: string,
  retention: number,
): Promise<void> {
  await requireTeamManager(db, actor, teamId);
  await db.team.update({ where: { id: teamId }, data: { desiredRetention: retention } });
}
