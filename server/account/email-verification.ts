import "server-only";
import { recordAudit } from "@/server/audit/record-audit";
import { consumeToken, issueToken, mintToken, retireTokens } from "@/server/auth/one-time-token";
import type { Db } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { HttpError } from "@/server/http/errors";
import {
  appLink,
  emailEnabled,
  mailConfig,
  sendMail,
  type MailConfig,
} from "@/server/mail/send-mail";
import { accountExistsMail, verificationMail } from "@/server/mail/templates";
import { transaction } from "@/server/db/transaction";

/** A confirmation link works for a day: sign-up mail can wait in an inbox for a while. */
export const VERIFY_TOKEN_TTL_MS = 24 * 3600_000;

export const VERIFY_FIRST_MESSAGE =
  "Check your email for the link we sent to confirm your address, then sign in. No mail? Ask for a new link on the confirmation page.";

export const RESEND_MESSAGE =
  "If an account is waiting for confirmation with this email, a new link is on its way.";

/**
 * New accounts must confirm their email when REQUIRE_EMAIL_VERIFICATION is on and email is set up;
 * without SMTP no link could ever arrive, so sign-up goes on without it rather than lock people out.
 */
export function verificationRequired(config = mailConfig()): boolean {
  return getEnv().REQUIRE_EMAIL_VERIFICATION && emailEnabled(config);
}

/** The token a sign-up stores with the new account (nested in its create, so both land together). */
export function newVerificationToken(now = new Date()) {
  const { token, tokenHash, expiresAt } = mintToken(VERIFY_TOKEN_TTL_MS, now);
  return { token, row: { purpose: "EMAIL_VERIFICATION" as const, tokenHash, expiresAt } };
}

export async function sendVerificationEmail(
  to: { email: string; name: string },
  token: string,
  config = mailConfig(),
): Promise<void> {
  const link = appLink(config, "/verify-email", { token });
  await sendMail(verificationMail(to.email, to.name, link), config);
}

/** Tells the owner of an email that someone tried to sign up with it (see existingAccountFor). */
export async function sendAccountExistsEmail(
  to: { email: string; name: string },
  config = mailConfig(),
): Promise<void> {
  const links = { signIn: appLink(config, "/signin"), reset: appLink(config, "/forgot-password") };
  await sendMail(accountExistsMail(to.email, to.name, links), config);
}

/**
 * Why a correct password still may not sign in, or null. Only an account that was sent a
 * confirmation link (it was created while verification was required) and has not used one is held
 * back: accounts from before the setting was turned on have no token and keep signing in.
 */
export async function signInRefusal(
  db: Db,
  user: { id: string; emailVerifiedAt: Date | null },
  required = getEnv().REQUIRE_EMAIL_VERIFICATION,
): Promise<string | null> {
  if (!required || user.emailVerifiedAt) return null;
  const sent = await db.emailToken.count({
    where: { userId: user.id, purpose: "EMAIL_VERIFICATION" },
  });
  return sent > 0 ? VERIFY_FIRST_MESSAGE : null;
}

/** Confirms the address with the link's token; the account can sign in from now on. */
export async function confirmEmail(
  db: Db,
  token: string,
  context: { address: string | null; now?: Date },
): Promise<void> {
  const now = context.now ?? new Date();
  await transaction(db, async (tx) => {
    const userId = await consumeToken(tx, token, "EMAIL_VERIFICATION", now);
    if (!userId) {
      throw new HttpError(
        400,
        "invalid_token",
        "This confirmation link has expired or has already been used. Ask for a new one below.",
      );
    }
    await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: now } });
    await recordAudit(
      tx,
      {
        actorId: userId,
        action: "email.verify",
        targetType: "user",
        targetId: userId,
        address: context.address,
      },
      now,
    );
  });
}

/**
 * Sends a new confirmation link to an account still waiting for one; any other email gets nothing,
 * and the caller answers the same either way. Earlier links end. Returns whether a mail was sent.
 */
export async function resendVerification(
  db: Db,
  email: string,
  context: { now?: Date; config?: MailConfig } = {},
): Promise<boolean> {
  const now = context.now ?? new Date();
  const config = context.config ?? mailConfig();
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, emailVerifiedAt: true, deletedAt: true },
  });
  if (!user || user.deletedAt || user.emailVerifiedAt) return false;
  if (!(await signInRefusal(db, user, true))) return false;
  const { token } = await transaction(db, async (tx) => {
    await retireTokens(tx, user.id, "EMAIL_VERIFICATION", now);
    return issueToken(tx, user.id, "EMAIL_VERIFICATION", VERIFY_TOKEN_TTL_MS, now);
  });
  await sendVerificationEmail(user, token, config);
  return true;
}
