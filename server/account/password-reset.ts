import "server-only";
import type { PasswordResetDone, ResetLinkCreated } from "@/lib/contracts/account";
import type { CurrentUser } from "@/lib/contracts/session";
import { recordAudit } from "@/server/audit/record-audit";
import { hashPassword } from "@/server/auth/password";
import { consumeToken, issueToken, retireTokens } from "@/server/auth/one-time-token";
import type { Db } from "@/server/db/client";
import { HttpError, notFound } from "@/server/http/errors";
import { appLink, mailConfig, sendMail, type MailConfig } from "@/server/mail/send-mail";
import { passwordResetMail } from "@/server/mail/templates";
import { transaction } from "@/server/db/transaction";

const MINUTE = 60_000;
/** A reset link works for 30 minutes, once: emailed, or made by an admin and handed over. */
export const RESET_TOKEN_TTL_MS = 30 * MINUTE;

export const RESET_REQUEST_MESSAGE =
  "If an account has this email, a link to reset its password is on its way. It works once, for 30 minutes.";

export const invalidResetToken = () =>
  new HttpError(
    400,
    "invalid_token",
    "This reset link has expired or has already been used. Ask for a new one.",
  );

export function emailUnavailable(): HttpError {
  return new HttpError(
    503,
    "email_unavailable",
    "Email is not set up on this server, so no reset link can be sent. Ask an administrator for a one-time reset link.",
  );
}

/**
 * Emails a reset link when an account has this email, and does nothing otherwise; the caller
 * answers the same either way, before this runs. Returns whether a mail was sent (for tests).
 *
 * An account made through SSO whose identity provider did not vouch for its email (no password,
 * email never verified) gets no link: whoever reads that mailbox is not known to be the person who
 * signs in through the provider, and a reset would hand them a password to the account.
 */
export async function requestPasswordReset(
  db: Db,
  email: string,
  context: { address: string | null; now?: Date; config?: MailConfig },
): Promise<boolean> {
  const now = context.now ?? new Date();
  const config = context.config ?? mailConfig();
  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      name: true,
      email: true,
      deletedAt: true,
      passwordHash: true,
      emailVerifiedAt: true,
    },
  });
  if (!user || user.deletedAt) return false;
  if (user.passwordHash === null && user.emailVerifiedAt === null) return false;
  const { token } = await transaction(db, async (tx) => {
    const issued = await issueToken(tx, user.id, "PASSWORD_RESET", RESET_TOKEN_TTL_MS, now);
    await recordAudit(
      tx,
      {
        actorId: null,
        action: "password.reset.request",
        targetType: "user",
        targetId: user.id,
        address: context.address,
      },
      now,
    );
    return issued;
  });
  const link = appLink(config, "/reset-password", { token });
  await sendMail(passwordResetMail(user.email, user.name, link), config);
  return true;
}

/**
 * Sets a new password with a reset token: the token is used up, the user's other reset links end,
 * and so does every session (sessionVersion). An unknown, used or expired token is refused.
 */
export async function confirmPasswordReset(
  db: Db,
  token: string,
  password: string,
  context: { address: string | null; now?: Date },
): Promise<PasswordResetDone> {
  const now = context.now ?? new Date();
  // Hashed before the transaction: argon2 takes a while, and the transaction should not.
  const passwordHash = await hashPassword(password);
  await transaction(db, async (tx) => {
    const userId = await consumeToken(tx, token, "PASSWORD_RESET", now);
    if (!userId) throw invalidResetToken();
    const user = await tx.user.updateMany({
      where: { id: userId, deletedAt: null },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (user.count !== 1) throw invalidResetToken();
    await retireTokens(tx, userId, "PASSWORD_RESET", now);
    await recordAudit(
      tx,
      {
        actorId: userId,
        action: "password.reset",
        targetType: "user",
        targetId: userId,
        address: context.address,
      },
      now,
    );
  });
  return { reset: true, signedOut: true };
}

/**
 * An admin's one-time reset link for a user: for a server without email, or a user who cannot
 * reach theirs. Earlier unused links of the user end, so only the latest one shown works.
 */
export async function createResetLink(
  db: Db,
  admin: CurrentUser,
  userId: string,
  context: { address: string | null; now?: Date; config?: MailConfig },
): Promise<ResetLinkCreated> {
  const now = context.now ?? new Date();
  const config = context.config ?? mailConfig();
  const { token, expiresAt } = await transaction(db, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { deletedAt: true } });
    if (!user || user.deletedAt) throw notFound("User");
    await retireTokens(tx, userId, "PASSWORD_RESET", now);
    const issued = await issueToken(tx, userId, "PASSWORD_RESET", RESET_TOKEN_TTL_MS, now);
    await recordAudit(
      tx,
      {
        actorId: admin.id,
        action: "password.reset_link.create",
        targetType: "user",
        targetId: userId,
        address: context.address,
        details: { expiresAt: issued.expiresAt.toISOString() },
      },
      now,
    );
    return issued;
  });
  return {
    url: appLink(config, "/reset-password", { token }),
    expiresAt: expiresAt.toISOString(),
  };
}
