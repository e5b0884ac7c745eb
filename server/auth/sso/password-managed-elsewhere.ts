import "server-only";
import type { Db } from "@/server/db/client";
import { credentialsEnabled } from "./sso-settings";

/**
 * Whether a user's password is not ours to change: passwords are off (AUTH_CREDENTIALS=false), or
 * the account has none because it was made by single sign-on.
 */
export async function passwordManagedElsewhere(db: Db, userId: string): Promise<boolean> {
  if (!credentialsEnabled()) return true;
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return !user?.passwordHash;
}
