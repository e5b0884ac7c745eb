import "server-only";
import type { Prisma } from "@/generated/sqlite/client";
import { recordAudit } from "@/server/audit/record-audit";
import type { Db } from "@/server/db/client";

/** How a sign-in was tried: the credentials form, or the organisation's IdP. */
export type SignInVia = "password" | "sso";

/**
 * Why a sign-in was refused, as the audit trail records it. A code, never what was typed: no
 * password, and no email for an address that has no account.
 */
export type SignInFailReason =
  | "unknown_email"
  | "wrong_password"
  | "email_unverified"
  | "identity_blocked"
  | "account_deleted"
  | "sso_email_unverified"
  | "sso_no_email"
  | "sso_verification_required";

/** An "auth.signin" entry: the account signed in, acting on itself. */
export async function recordSignIn(
  db: Db | Prisma.TransactionClient,
  userId: string,
  via: SignInVia,
  address: string | null,
): Promise<void> {
  await recordAudit(db, {
    actorId: userId,
    action: "auth.signin",
    targetType: "user",
    targetId: userId,
    address,
    details: { via },
  });
}

/**
 * An "auth.signin.fail" entry, by nobody known (the person is not signed in). The target is the
 * account tried when there is one; for an email with no account, or a blocked identity, the
 * target says so without naming anyone, since what was typed may be a stranger's address.
 */
export async function recordSignInFailure(
  db: Db | Prisma.TransactionClient,
  failure: {
    via: SignInVia;
    reason: SignInFailReason;
    target: { type: "user" | "identity"; id: string } | null;
    address: string | null;
  },
): Promise<void> {
  await recordAudit(db, {
    actorId: null,
    action: "auth.signin.fail",
    targetType: failure.target?.type ?? "user",
    targetId: failure.target?.id ?? null,
    address: failure.address,
    details: { via: failure.via, reason: failure.reason },
  });
}
