import "server-only";
import type { CreatedAccount } from "@/lib/contracts/account";
import type { SignUpInput } from "@/lib/validation/auth";
import { recordAudit } from "@/server/audit/record-audit";
import type { Db } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/errors";
import { transaction } from "@/server/db/transaction";
import { conflict } from "@/server/http/errors";
import { hashPassword } from "./password";

const TAKEN = "An account with this email already exists. Sign in instead.";

/**
 * Creates a learner account, and its `account.create` audit entry with it. Emails arrive lower-cased
 * from the schema, so uniqueness ignores case. With `verification`
 * (server/account/email-verification.ts) the account is created with its confirmation token, and
 * signs in only once the link is used.
 */
export async function signUp(
  db: Db,
  input: SignUpInput,
  address: string | null,
  verification?: { purpose: "EMAIL_VERIFICATION"; tokenHash: string; expiresAt: Date },
): Promise<CreatedAccount> {
  const taken = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (taken) throw conflict(TAKEN);
  const passwordHash = await hashPassword(input.password);
  try {
    return await transaction(db, async (tx) => {
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          ...(verification ? { emailTokens: { create: verification } } : {}),
        },
        select: { id: true, email: true, name: true, role: true },
      });
      await recordAudit(tx, {
        actorId: user.id,
        action: "account.create",
        targetType: "user",
        targetId: user.id,
        address,
        details: { via: "password", verifyEmail: Boolean(verification) },
      });
      return user;
    });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides.
    if (isUniqueViolation(error)) throw conflict(TAKEN);
    throw error;
  }
}

/**
 * A sign-up for an email that already has an account, while verification is required: nothing is
 * created, and the caller answers as for a new account and mails the owner. The password is hashed
 * all the same, so that the answer takes as long as a real sign-up's.
 */
export async function existingAccountFor(
  db: Db,
  input: SignUpInput,
): Promise<{ email: string; name: string } | null> {
  const existing = await db.user.findUnique({
    where: { email: input.email },
    select: { email: true, name: true },
  });
  if (existing) await hashPassword(input.password);
  return existing;
}
