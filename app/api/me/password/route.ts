import { changePasswordSchema } from "@/lib/validation/account";
import { changePassword } from "@/server/account/change-password";
import { requireUser } from "@/server/auth/require-user";
import { requireCredentialsEnabled } from "@/server/auth/sso/sso-settings";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { enforceRateLimit, LIMITS } from "@/server/http/rate-limit";
import { readJson, route } from "@/server/http/route";

/** POST { currentPassword, newPassword }: every session of the user ends, this one included. */
export const POST = route(async (request) => {
  const user = await requireUser();
  requireCredentialsEnabled();
  const { currentPassword, newPassword } = await readJson(request, changePasswordSchema);
  const db = getDb();
  const address = await currentRequestAddress();
  await enforceRateLimit(db, LIMITS.passwordChange, { userId: user.id, address });
  return Response.json(await changePassword(db, user.id, currentPassword, newPassword, address));
});
