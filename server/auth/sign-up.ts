import "server-only";
import type { SignedUp } from "@/lib/contracts/account";
import type { SignUpInput } from "@/lib/validation/auth";
import type { Db } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/errors";
import { conflict } from "@/server/http/errors";
import { hashPassword } from "./password";

/**
 * Creates a learner account. Emails arrive lower-cased from the schema, so uniqueness ignores case.
 * With `verification` (server/account/email-verification.ts) the account is created with its
 * confirmation token, and signs in only once the link is used.
 */
export async function signUp(
  db: Db,
  input: SignUpInput,
  verification?: { purpose: "EMAIL_VERIFICATION"; tokenHash: string; expiresAt: Date },
): Promise<SignedUp> {
  const taken = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (taken) throw conflict("An account with this email already exists. Sign in instead.");
  try {
    return await db.user.create({
      data: {
        email: input.email,
        name: input.name,
        passwordHash: await hashPassword(input.password),
        ...(verification ? { emailTokens: { create: verification } } : {}),
      },
      select: { id: true, email: true, name: true, role: true },
    });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides.
    if (isUniqueViolation(error))
      throw conflict("An account with this email already exists. Sign in instead.");
    throw error;
  }
}
