import "server-only";
import type { Db } from "@/server/db/client";
import { verifyAccountPassword } from "@/server/auth/password";
import { HttpError } from "@/server/http/errors";
import type { RateLimit } from "@/server/http/rate-limit";
import { deleteAccount } from "./delete-account";

/** An account with no password to type may delete itself this long after signing in. */
export const RECENT_SIGN_IN_MINUTES = 10;

/** Each try checks a password: as limited as a password change, so neither is a guessing oracle. */
export const SELF_DELETE_LIMIT: RateLimit = {
  action: "account deletion tries",
  perUser: 5,
  perAddress: 50,
  windowMs: 15 * 60_000,
};

export interface DeleteOwnAccountInput {
  userId: string;
  /** The password typed to confirm; needed when the account has one and passwords are on. */
  password?: string;
  /** When the session asking signed in (getSessionSignedInAt), or null when unknown. */
  signedInAt: Date | null;
  /** Whether passwords sign in at all (credentialsEnabled()); without them none is asked for. */
  passwordsOn: boolean;
  /** The client's address, for the audit trail. */
  address: string | null;
  /** The time the sign-in's age is measured at (requestTime()); the deletion keeps the real time. */
  now?: Date;
}

const passwordNeeded = (message: string) =>
  new HttpError(422, "validation_failed", message, { password: [message] });

/**
 * A person deleting their own account proves it is them, not only someone holding their session
 * cookie (a shared computer, a stolen cookie): an account with a password types it; an account
 * without one (single sign-on only, or passwords turned off) must have signed in within the last
 * RECENT_SIGN_IN_MINUTES, which the IdP's own sign-in vouches for. Then the account is deleted as
 * deleteAccount() says.
 */
export async function deleteOwnAccount(db: Db, input: DeleteOwnAccountInput): Promise<void> {
  const now = input.now ?? new Date();
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: { passwordHash: true },
  });
  if (user?.passwordHash && input.passwordsOn) {
    if (!input.password) throw passwordNeeded("Type your password to delete the account.");
    // Checked as a sign-in is (verifyAccountPassword), so the answer takes as long either way.
    if (!(await verifyAccountPassword(user.passwordHash, input.password)))
      throw passwordNeeded("The password is not right.");
  } else if (
    !input.signedInAt ||
    now.getTime() - input.signedInAt.getTime() > RECENT_SIGN_IN_MINUTES * 60_000
  ) {
    throw new HttpError(
      403,
      "reauthentication_required",
      `For your safety, deleting an account takes a sign-in within the last ${RECENT_SIGN_IN_MINUTES} minutes. Sign out, sign in again, then delete it.`,
    );
  }
  await deleteAccount(db, {
    userId: input.userId,
    actorId: input.userId,
    by: "self",
    address: input.address,
  });
}
