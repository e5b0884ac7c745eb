import { after } from "next/server";
import type { PasswordResetRequested } from "@/lib/contracts/account";
import { passwordResetRequestSchema } from "@/lib/validation/account";
import {
  emailUnavailable,
  requestPasswordReset,
  RESET_REQUEST_MESSAGE,
} from "@/server/account/password-reset";
import { requireCredentialsEnabled } from "@/server/auth/sso/sso-settings";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { enforceRateLimit, LIMITS } from "@/server/http/rate-limit";
import { readJson, route } from "@/server/http/route";
import { emailEnabled } from "@/server/mail/send-mail";

/**
 * POST { email } → 202, the same body whether an account has the email or not. The lookup and the
 * mail happen after the answer (after()), so its timing does not tell either.
 */
export const POST = route(async (request) => {
  requireCredentialsEnabled();
  const { email } = await readJson(request, passwordResetRequestSchema);
  if (!emailEnabled()) throw emailUnavailable();
  const db = getDb();
  const address = await currentRequestAddress();
  // Per address, and per email asked for (in the per-user slot: the caller is not signed in).
  await enforceRateLimit(db, LIMITS.passwordResetRequest, { userId: `email:${email}`, address });
  after(async () => {
    try {
      await requestPasswordReset(db, email, { address });
    } catch (error) {
      console.error("password reset email failed:", error);
    }
  });
  const body: PasswordResetRequested = { accepted: true, message: RESET_REQUEST_MESSAGE };
  return Response.json(body, { status: 202 });
});
