import "server-only";
import type { SsoIdentity } from "@/lib/validation/sso";
import type { Db } from "@/server/db/client";
import { OIDC_PROVIDER, signInWithSso, type SsoSignInOptions } from "./sign-in-with-sso";

/**
 * next-auth's signIn callback answer for an SSO sign-in: true to go on, or where to send the
 * browser instead, which is the sign-in page with the reason (app/(auth)/signin shows it).
 */
export async function completeSsoSignIn(
  db: Db,
  identity: SsoIdentity,
  options: SsoSignInOptions,
): Promise<true | string> {
  const result = await signInWithSso(db, identity, options);
  return result.ok ? true : `/signin?error=${result.refusal}`;
}

/** The account an IdP subject is linked to, as the session token needs it; never a deleted one. */
export async function ssoSessionUser(
  db: Db,
  subject: string,
): Promise<{ id: string; sessionVersion: number } | null> {
  const link = await db.ssoAccount.findUnique({
    where: { provider_subject: { provider: OIDC_PROVIDER, subject } },
    select: { user: { select: { id: true, sessionVersion: true, deletedAt: true } } },
  });
  return link && !link.user.deletedAt
    ? { id: link.user.id, sessionVersion: link.user.sessionVersion }
    : null;
}
