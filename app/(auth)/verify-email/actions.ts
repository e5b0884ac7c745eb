"use server";

import { after } from "next/server";
import type { ActionState } from "@/lib/contracts/action-state";
import { resendVerificationSchema, verifyEmailSchema } from "@/lib/validation/account";
import {
  confirmEmail,
  RESEND_MESSAGE,
  resendVerification,
} from "@/server/account/email-verification";
import { requestTime } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { formFields, parseForm, runAction } from "@/server/http/action";
import { currentRequestAddress } from "@/server/http/client-address";
import { enforceRateLimit, LIMITS } from "@/server/http/rate-limit";

// Both are for people not signed in yet (they cannot be, until confirmed): each is rate-limited.

export async function confirmEmailAction(_state: ActionState, form: unknown): Promise<ActionState> {
  return runAction(async () => {
    const { token } = parseForm(verifyEmailSchema, formFields(form, "token"));
    const db = getDb();
    const address = await currentRequestAddress();
    await enforceRateLimit(db, LIMITS.tokenUse, { address });
    await confirmEmail(db, token, { address, now: await requestTime() });
    return "Your email is confirmed. You can sign in now.";
  });
}

export async function resendVerificationAction(
  _state: ActionState,
  form: unknown,
): Promise<ActionState> {
  return runAction(async () => {
    const { email } = parseForm(resendVerificationSchema, formFields(form, "email"));
    const db = getDb();
    await enforceRateLimit(db, LIMITS.verificationResend, {
      userId: `email:${email}`,
      address: await currentRequestAddress(),
    });
    // After the answer, which is the same whether or not a mail goes out.
    after(async () => {
      try {
        await resendVerification(db, email);
      } catch (error) {
        console.error("verification email failed:", error);
      }
    });
    return RESEND_MESSAGE;
  });
}
