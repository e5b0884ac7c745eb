import "server-only";
import type { CurrentUser } from "@/lib/contracts/session";
import { deleteAccount } from "@/server/account/delete-account";
import type { Db } from "@/server/db/client";
import { forbidden } from "@/server/http/errors";

/**
 * An admin deletes an account (their own included, unless they are the last admin). With
 * `blockSso`, the account's IdP identities are blocked in the same transaction: deleting here does
 * not remove the person from the IdP, and their next sign-in there would make a new account.
 */
export async function deleteUser(
  db: Db,
  actor: CurrentUser,
  userId: string,
  address: string | null,
  { blockSso = false }: { blockSso?: boolean } = {},
): Promise<void> {
  if (actor.role !== "ADMIN") throw forbidden("Only admins can delete accounts.");
  await deleteAccount(db, {
    userId,
    actorId: actor.id,
    by: actor.id === userId ? "self" : "admin",
    address,
    blockSso,
  });
}
