import { passwordResetConfirmSchema } from "@/lib/validation/account";
import { confirmPasswordReset } from "@/server/account/password-reset";
import { requestTime } from "@/server/clock";
import { requireCredentialsEnabled } from "@/server/auth/sso/sso-settings";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { enforceRateLimit, LIMITS } from "@/server/http/rate-limit";
import { readJson, route } from "@/server/http/route";

/** POST { token, password } → 200: the password is set and every session of the user has ended. */
export const POST = route(async (request) => {
  requireCredentialsEnabled();
  const { token, password } = await readJson(request, passwordResetConfirmSchema);
  const db = getDb();
  const address = await currentRequestAddress();
  await enforceRateLimit(db, LIMITS.tokenUse, { address });
  return Response.json(
    await confirmPasswordReset(db, token, password, { address, now: await requestTime() }),
  );
});
