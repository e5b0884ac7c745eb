import { deleteAccountSchema } from "@/lib/validation/account";
import { deleteOwnAccount, SELF_DELETE_LIMIT } from "@/server/account/delete-own-account";
import { getSessionSignedInAt } from "@/server/auth/current-user";
import { requireUser } from "@/server/auth/require-user";
import { credentialsEnabled } from "@/server/auth/sso/sso-settings";
import { requestTime } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { enforceRateLimit } from "@/server/http/rate-limit";
import { readJson, route } from "@/server/http/route";

/**
 * DELETE { password }: deletes the caller's own account (server/account/delete-account.ts says what
 * is erased and what is kept). The current password is required, or, for an account without one, a
 * sign-in within the last few minutes (server/account/delete-own-account.ts): 422 with
 * `fields.password`, or 403 `reauthentication_required`. Every session ends with it, this one
 * included: 204, then 401 on any request.
 */
export const DELETE = route(async (request) => {
  const user = await requireUser();
  const { password } = await readJson(request, deleteAccountSchema);
  const db = getDb();
  const address = await currentRequestAddress();
  await enforceRateLimit(db, SELF_DELETE_LIMIT, { userId: user.id, address });
  await deleteOwnAccount(db, {
    userId: user.id,
    password,
    signedInAt: await getSessionSignedInAt(),
    passwordsOn: credentialsEnabled(),
    address,
    now: await requestTime(),
  });
  return new Response(null, { status: 204 });
});
