import "server-only";
import { SSO_REFUSALS } from "@/lib/auth/sign-in-errors";
import { teamsForIdentity, type TeamPlacementConfig } from "@/lib/auth/sso-config";
import type { SsoIdentity } from "@/lib/validation/sso";
import { findBlock } from "@/server/admin/blocked-identities";
import { recordAudit } from "@/server/audit/record-audit";
import {
  recordSignIn,
  recordSignInFailure,
  type SignInFailReason,
} from "@/server/auth/record-sign-in";
import type { Db } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/errors";
import type { Prisma } from "@/generated/sqlite/client";
import { retireTokens } from "@/server/auth/one-time-token";
import { placeInTeams } from "./place-in-teams";
import { transaction } from "@/server/db/transaction";

/** The provider id of links made by OpenID Connect sign-in (next-auth's provider id). */
export const OIDC_PROVIDER = "oidc";

export interface SsoSignInOptions {
  teams: TeamPlacementConfig;
  /** REQUIRE_EMAIL_VERIFICATION: a new account needs the IdP to have verified its email. */
  requireVerifiedEmail: boolean;
  /** The client's address, for the audit trail. */
  address: string | null;
}

type SsoRefusal = (typeof SSO_REFUSALS)[keyof typeof SSO_REFUSALS];

export type SsoSignIn =
  | { ok: true; userId: string; outcome: "existing" | "linked" | "created" }
  | { ok: false; refusal: SsoRefusal };

/** A refusal with what its audit entry names: the account or the block it concerns, if any. */
type Resolved = SsoSignIn | { ok: false; refusal: SsoRefusal; target: FailureTarget };
type FailureTarget = { type: "user" | "identity"; id: string } | null;

const FAIL_REASONS: Record<SsoRefusal, SignInFailReason> = {
  [SSO_REFUSALS.unverifiedEmail]: "sso_email_unverified",
  [SSO_REFUSALS.deleted]: "account_deleted",
  [SSO_REFUSALS.noEmail]: "sso_no_email",
  [SSO_REFUSALS.verificationRequired]: "sso_verification_required",
  [SSO_REFUSALS.blocked]: "identity_blocked",
};

/**
 * Finds or makes the account an identity signs in to. A known identity is found by (provider, sub),
 * never by email: an IdP may reuse or change an address, and its subject is what it vouches for.
 * A new identity links to the account with its email only when the IdP verified that email;
 * otherwise anyone who could set that address at the IdP would take the account over.
 * An identity an admin blocked (BlockedIdentity) is refused before anything is looked up or made.
 * Every outcome is recorded: "auth.signin" or "auth.signin.fail" with its reason.
 */
export async function signInWithSso(
  db: Db,
  identity: SsoIdentity,
  options: SsoSignInOptions,
): Promise<SsoSignIn> {
  let result: Resolved;
  try {
    result = await resolve(db, identity, options);
  } catch (error) {
    // Two first sign-ins racing: the other made the link (or the account) first; it now exists.
    if (!isUniqueViolation(error)) throw error;
    result = await resolve(db, identity, options);
  }
  if (result.ok) {
    await recordSignIn(db, result.userId, "sso", options.address);
    return result;
  }
  await recordSignInFailure(db, {
    via: "sso",
    reason: FAIL_REASONS[result.refusal],
    target: "target" in result ? result.target : null,
    address: options.address,
  });
  return { ok: false, refusal: result.refusal };
}

async function resolve(
  db: Db,
  identity: SsoIdentity,
  options: SsoSignInOptions,
): Promise<Resolved> {
  // Deleting the account here did not remove the person from the IdP: an admin who blocked the
  // identity meant their next sign-in there to make no new account.
  const block = await findBlock(db, OIDC_PROVIDER, identity.sub);
  if (block)
    return { ok: false, refusal: SSO_REFUSALS.blocked, target: { type: "identity", id: block.id } };
  const link = await db.ssoAccount.findUnique({
    where: { provider_subject: { provider: OIDC_PROVIDER, subject: identity.sub } },
    select: { user: { select: { id: true, deletedAt: true } } },
  });
  if (link) {
    if (link.user.deletedAt)
      return {
        ok: false,
        refusal: SSO_REFUSALS.deleted,
        target: { type: "user", id: link.user.id },
      };
    return { ok: true, userId: link.user.id, outcome: "existing" };
  }
  if (!identity.email) return { ok: false, refusal: SSO_REFUSALS.noEmail };
  const email = identity.email;
  const teamIds = teamsForIdentity(options.teams, {
    email,
    emailVerified: identity.emailVerified,
    groups: identity.groups,
  });

  const existing = await db.user.findUnique({
    where: { email },
    select: { id: true, deletedAt: true, emailVerifiedAt: true },
  });
  if (existing) {
    const target = { type: "user", id: existing.id } as const;
    if (existing.deletedAt) return { ok: false, refusal: SSO_REFUSALS.deleted, target };
    if (!identity.emailVerified)
      return { ok: false, refusal: SSO_REFUSALS.unverifiedEmail, target };
    await transaction(db, async (tx) => {
      await tx.ssoAccount.create({
        data: { provider: OIDC_PROVIDER, subject: identity.sub, userId: existing.id },
      });
      // The IdP has just shown the address is theirs; nobody had shown it before, so whoever made
      // the account may not be them, and keeps no way in.
      if (!existing.emailVerifiedAt)
        await reclaimAccount(tx, existing.id, identity.sub, options.address);
      await recordAudit(tx, {
        actorId: existing.id,
        action: "sso.link",
        targetType: "user",
        targetId: existing.id,
        address: options.address,
        details: { provider: OIDC_PROVIDER },
      });
      await placeInTeams(tx, existing.id, teamIds, options.address);
    });
    return { ok: true, userId: existing.id, outcome: "linked" };
  }

  if (!identity.emailVerified && options.requireVerifiedEmail)
    return { ok: false, refusal: SSO_REFUSALS.verificationRequired };
  // An unverified email still makes an account (the IdP vouches for the person, by sub), but it is
  // not marked verified, and since later sign-ins go by sub, the email never links anything later.
  const userId = await transaction(db, async (tx) => {
    const user = await tx.user.create({
      data: {
        email,
        name: identity.name,
        passwordHash: null,
        emailVerifiedAt: identity.emailVerified ? new Date() : null,
      },
      select: { id: true },
    });
    await tx.ssoAccount.create({
      data: { provider: OIDC_PROVIDER, subject: identity.sub, userId: user.id },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "account.create",
      targetType: "user",
      targetId: user.id,
      address: options.address,
      details: { via: "sso", provider: OIDC_PROVIDER, emailVerified: identity.emailVerified },
    });
    await placeInTeams(tx, user.id, teamIds, options.address);
    return user.id;
  });
  return { ok: true, userId, outcome: "created" };
}

/**
 * Hands an account whose email nobody had verified to the person whose IdP just verified it. Anyone
 * could have made that account with that address (a sign-up waiting for its confirmation link, or
 * one from before verification was required), so everything its maker could get in with ends: the
 * password, every session (sessionVersion; the new session is minted after this, with the new
 * version), unused reset and confirmation links, and links to other IdP subjects. The person can set
 * a password of their own with a reset link, now that the address is known to be theirs.
 */
async function reclaimAccount(
  tx: Prisma.TransactionClient,
  userId: string,
  subject: string,
  address: string | null,
): Promise<void> {
  const now = new Date();
  const { passwordHash } = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true },
  });
  const others = await tx.ssoAccount.deleteMany({
    where: { userId, NOT: { provider: OIDC_PROVIDER, subject } },
  });
  await tx.user.update({
    where: { id: userId },
    data: { emailVerifiedAt: now, passwordHash: null, sessionVersion: { increment: 1 } },
  });
  await retireTokens(tx, userId, "PASSWORD_RESET", now);
  await retireTokens(tx, userId, "EMAIL_VERIFICATION", now);
  await recordAudit(
    tx,
    {
      actorId: userId,
      action: "account.reclaim",
      targetType: "user",
      targetId: userId,
      address,
      details: {
        provider: OIDC_PROVIDER,
        passwordCleared: passwordHash !== null,
        sessionsEnded: true,
        ssoLinksRemoved: others.count,
      },
    },
    now,
  );
}
