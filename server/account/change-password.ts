import "server-only";
import type { PasswordChanged } from "@/lib/contracts/account";
import type { Db } from "@/server/db/client";
import { recordAudit } from "@/server/audit/record-audit";
import { HttpError } from "@/server/http/errors";
import { retireTokens } from "@/server/auth/one-time-token";
import { hashPassword, verifyAccountPassword } from "@/server/auth/password";
import { transaction } from "@/server/db/transaction";

/**
 * Changes the password and ends every session of the user, this one included, and every unused
 * reset link: a link made for the old password (by an admin, or emailed) must not set another.
 */
export async function changePassword(
  db: Db,
  userId: string,
  currentPassword: string,
  newPassword: string,
  address: string | null = null,
): Promise<PasswordChanged> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyAccountPassword(user.passwordHash, currentPassword))) {
    throw new HttpError(422, "validation_failed", "The current password is not right.", {
      currentPassword: ["The current password is not right."],
    });
  }
  const passwordHash = await hashPassword(newPassword);
  await transaction(db, async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await retireTokens(tx, userId, "PASSWORD_RESET");
    await recordAudit(tx, {
      actorId: userId,
      action: "password.change",
      targetType: "user",
      targetId: userId,
      address,
    });
  });
  return { changed: true, signedOut: true };
}
