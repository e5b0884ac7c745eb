import "server-only";
import type { CurrentUser } from "@/lib/contracts/session";
import type { TeamWithCode } from "@/lib/contracts/teams";
import type { Db } from "@/server/db/client";
import { recordAudit } from "@/server/audit/record-audit";
import { forbidden } from "@/server/http/errors";
import { newInviteCode } from "./invite-code";
import { transaction } from "@/server/db/transaction";

/** Instructors and admins create teams; the creator becomes the team's instructor. */
export async function createTeam(
  db: Db,
  actor: CurrentUser,
  name: string,
  address: string | null = null,
): Promise<TeamWithCode> {
  if (actor.role !== "INSTRUCTOR" && actor.role !== "ADMIN")
    throw forbidden("Only instructors and admins can create teams.");
  return transaction(db, async (tx) => {
    const team = await tx.team.create({
      data: {
        name,
        inviteCode: newInviteCode(),
        memberships: { create: { userId: actor.id, role: "INSTRUCTOR" } },
      },
      select: { id: true, name: true, inviteCode: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "team.create",
      targetType: "team",
      targetId: team.id,
      address,
      details: { name },
    });
    return team;
  });
}
