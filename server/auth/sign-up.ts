import "server-only";
import type { SignedUp } from "@/lib/contracts/account";
import type { SignUpInput } from "@/lib/validation/auth";
import type { Db } from "@/server/db/client";
import { conflict } from "@/server/http/errors";
import { hashPassword } from "./password";

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "P2002";
}

/** Creates a learner account. Emails arrive lower-cased from the schema, so uniqueness ignores case. */
export async function signUp(db: Db, input: SignUpInput): Promise<SignedUp> {
  const taken = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (taken) throw conflict("An account with this email already exists. Sign in instead.");
  try {
    return await db.user.create({
      data: {
        email: input.email,
        name: input.name,
        passwordHash: await hashPassword(input.password),
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
