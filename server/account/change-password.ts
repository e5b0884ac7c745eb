import "server-only";
import type { PasswordChanged } from "@/lib/contracts/account";
import type { Db } from "@/server/db/client";
import { HttpError } from "@/server/http/errors";
import { hashPassword, verifyPassword } from "@/server/auth/password";

/** Changes the password and ends every session of the user, this one included. */
export async function changePassword(
  db: Db,
  userId: string,
  currentPassword: string,
  newPassword: string,
): Promise<PasswordChanged> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new HttpError(422, "validation_failed", "The current password is not right.", {
      currentPassword: ["The current password is not right."],
    });
  }
  await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } },
  });
  return { changed: true, signedOut: true };
}
