import "server-only";
import type { CurrentUser } from "@/lib/contracts/session";
import { deleteAccount } from "@/server/account/delete-account";
import type { Db } from "@/server/db/client";
import { forbidden } from "@/server/http/errors";

/** An admin deletes an account (their own included, unless they are the last admin). */
export async function deleteUser(
  db: Db,
  actor: CurrentUser,
  userId: string,
  address: string | null,
): Promise<void> {
  if (actor.role !== "ADMIN") throw forbidden("Only admins can delete accounts.");
  await deleteAccount(db, {
    userId,
    actorId: actor.id,
    by: actor.id === userId ? "self" : "admin",
    address,
  });
}
