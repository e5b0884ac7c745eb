import { after } from "next/server";
import { signUpSchema } from "@/lib/validation/auth";
import {
  newVerificationToken,
  sendVerificationEmail,
  verificationRequired,
} from "@/server/account/email-verification";
import { signUp } from "@/server/auth/sign-up";
import { requireCredentialsEnabled } from "@/server/auth/sso/sso-settings";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { enforceRateLimit, LIMITS } from "@/server/http/rate-limit";
import { readJson, route } from "@/server/http/route";

export const POST = route(async (request) => {
  requireCredentialsEnabled();
  const input = await readJson(request, signUpSchema);
  const db = getDb();
  await enforceRateLimit(db, LIMITS.signUp, {
    address: await currentRequestAddress(),
  });
  if (!verificationRequired()) return Response.json(await signUp(db, input), { status: 201 });
  const { token, row } = newVerificationToken();
  const user = await signUp(db, input, row);
  after(async () => {
    try {
      await sendVerificationEmail(user, token);
    } catch (error) {
      console.error("verification email failed:", error);
    }
  });
  return Response.json({ ...user, verifyEmail: true }, { status: 201 });
});
