import { after } from "next/server";
import type { SignedUp } from "@/lib/contracts/account";
import { signUpSchema } from "@/lib/validation/auth";
import {
  newVerificationToken,
  sendAccountExistsEmail,
  sendVerificationEmail,
  verificationRequired,
} from "@/server/account/email-verification";
import { existingAccountFor, signUp } from "@/server/auth/sign-up";
import { requireCredentialsEnabled } from "@/server/auth/sso/sso-settings";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { enforceRateLimit, LIMITS } from "@/server/http/rate-limit";
import { readJson, route } from "@/server/http/route";

/** Sends mail after the answer, so that its time never tells a taken email from a free one. */
function mailAfter(what: string, send: () => Promise<void>) {
  after(async () => {
    try {
      await send();
    } catch (error) {
      console.error(`${what} email failed:`, error);
    }
  });
}

export const POST = route(async (request) => {
  requireCredentialsEnabled();
  const input = await readJson(request, signUpSchema);
  const db = getDb();
  const address = await currentRequestAddress();
  await enforceRateLimit(db, LIMITS.signUp, { address });
  // Without verification a new account signs in at once, so a taken email must be refused (409),
  // which tells that it has an account: the trade-off README "Email" describes.
  if (!verificationRequired()) {
    return Response.json((await signUp(db, input, address)) satisfies SignedUp, { status: 201 });
  }
  const answer: SignedUp = { email: input.email, name: input.name, verifyEmail: true };
  const existing = await existingAccountFor(db, input);
  if (existing) {
    mailAfter("account-exists", () => sendAccountExistsEmail(existing));
    return Response.json(answer, { status: 201 });
  }
  const { token, row } = newVerificationToken();
  const user = await signUp(db, input, address, row);
  mailAfter("verification", () => sendVerificationEmail(user, token));
  return Response.json(answer, { status: 201 });
});
