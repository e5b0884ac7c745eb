import { deleteAccount } from "@/server/account/delete-account";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { route } from "@/server/http/route";

/**
 * DELETE: deletes the caller's own account (server/account/delete-account.ts says what is erased
 * and what is kept). Every session ends with it, this one included: 204, then 401 on any request.
 */
export const DELETE = route(async () => {
  const user = await requireUser();
  await deleteAccount(getDb(), {
    userId: user.id,
    actorId: user.id,
    by: "self",
    address: await currentRequestAddress(),
  });
  return new Response(null, { status: 204 });
});
