import "server-only";
import type { RoleChanged, UserRecord } from "@/lib/contracts/account";
import type { CurrentUser, Role } from "@/lib/contracts/session";
import type { Db } from "@/server/db/client";
import { recordAudit } from "@/server/audit/record-audit";
import { conflict, forbidden, notFound } from "@/server/http/errors";
import { transaction } from "@/server/db/transaction";

export async function listUsers(db: Db, actor: CurrentUser): Promise<UserRecord[]> {
  if (actor.role !== "ADMIN") throw forbidden();
  const users = await db.user.findMany({
    // A deleted account names nobody: there is nothing left for an admin to manage.
    where: { deletedAt: null },
    orderBy: { email: "asc" },
    select: { id: true, name: true, email: true, role: true, createdAt: true, lastActiveAt: true },
  });
  return users.map((u) => ({
    ...u,
    createdAt: u.createdAt.toISOString(),
    lastActiveAt: u.lastActiveAt?.toISOString() ?? null,
  }));
}

/**
 * Changes a user's role; it applies on their next request. The last admin cannot be demoted.
 * `address` is the client's, for the audit trail.
 */
export async function changeRole(
  db: Db,
  actor: CurrentUser,
  userId: string,
  role: Role,
  address: string | null = null,
): Promise<RoleChanged> {
  if (actor.role !== "ADMIN") throw forbidden("Only admins can change roles.");
  return transaction(db, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!user) throw notFound("User");
    if (
      user.role === "ADMIN" &&
      role !== "ADMIN" &&
      (await tx.user.count({ where: { role: "ADMIN" } })) <= 1
    ) {
      throw conflict("This is the last admin; make someone else an admin first.");
    }
    const changed = await tx.user.update({
      where: { id: userId },
      data: { role },
      select: { id: true, email: true, role: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "role.change",
      targetType: "user",
      targetId: userId,
      address,
      details: { from: user.role, to: role },
    });
    return changed;
  });
}
