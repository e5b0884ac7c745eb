import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/sqlite/client";
import type { Db } from "@/server/db/client";
import { blockLinkedIdentities } from "@/server/admin/blocked-identities";
import { recordAudit } from "@/server/audit/record-audit";
import { forgetEmailCounts } from "./forget-email-counts";
import { conflict, notFound } from "@/server/http/errors";
import { transaction } from "@/server/db/transaction";

/** Who asked for a deletion: the person, an admin, or the retention job. */
export type DeletedBy = "self" | "admin" | "retention";

/** The name every deleted account shows wherever an old reference still reaches it. */
export const DELETED_NAME = "Deleted account";

/** The domain of deleted accounts' placeholder emails: `.invalid` can never receive mail (RFC 2606). */
export const DELETED_EMAIL_DOMAIN = "deleted.invalid";

export interface DeleteAccountInput {
  userId: string;
  /** Who deletes: the user themselves, an admin, or null for the retention job. */
  actorId: string | null;
  by: DeletedBy;
  /** The client's address, or null outside a request. */
  address: string | null;
  /**
   * Block the account's IdP identities too (an admin's choice when deleting): otherwise, with
   * accounts made at first sign-in, the person's next IdP sign-in would make a new, empty one.
   */
  blockSso?: boolean;
  now?: Date;
}

/**
 * Deletes an account: its personal data is erased and it can never sign in again, while its
 * answers stay, attributed to no one, so that item statistics hold.
 *
 * Erased: name, email (replaced by a unique placeholder naming nobody), password, verification,
 * digest opt-in, SSO links, email tokens, team memberships, assignment extensions and completions,
 * note progress and the mastery history (the learner's own standing, which no statistic about an
 * item reads), and the free-text comments of their item reports (their own words, which may name
 * them; the report's reason stays, so the problem with the item is still known).
 *
 * Kept, on the anonymous user row: attempts and answers, and the review cards, whose running
 * counters and first answers are what the item statistics are built from. Team answer counts
 * (TeamItemStat) keep the learner's answers too, unlike a member's removal, which takes them out:
 * the answers were given, and the item's facility should not change because someone left for good.
 * The audit trail keeps that the account was deleted, by ids only. The sign-in throttle's and rate
 * limits' counters keyed by the email go too (forgetEmailCounts).
 *
 * One transaction, so that nothing is half erased. The role drops to learner, so that a deleted
 * admin never counts as one; the last admin cannot be deleted.
 */
export async function deleteAccount(db: Db, input: DeleteAccountInput): Promise<void> {
  const now = input.now ?? new Date();
  await transaction(db, async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { role: true, deletedAt: true, email: true },
    });
    if (!user || user.deletedAt) throw notFound("User");
    if (user.role === "ADMIN" && (await countAdmins(tx)) <= 1) {
      throw conflict(
        "This is the last admin account: make someone else an admin before deleting it.",
      );
    }
    const blocked = input.blockSso
      ? await blockLinkedIdentities(tx, input.userId, input.actorId, input.address, now)
      : 0;
    await eraseAccount(tx, input.userId, now);
    await forgetEmailCounts(tx, user.email);
    await recordAudit(
      tx,
      {
        actorId: input.actorId,
        action: "account.delete",
        targetType: "user",
        targetId: input.userId,
        address: input.address,
        details: { by: input.by, ...(blocked > 0 ? { identitiesBlocked: blocked } : {}) },
      },
      now,
    );
  });
}

function countAdmins(tx: Prisma.TransactionClient): Promise<number> {
  return tx.user.count({ where: { role: "ADMIN", deletedAt: null } });
}

async function eraseAccount(tx: Prisma.TransactionClient, userId: string, now: Date) {
  const where = { userId };
  await tx.ssoAccount.deleteMany({ where });
  await tx.emailToken.deleteMany({ where });
  await tx.teamMembership.deleteMany({ where });
  await tx.assignmentExtension.deleteMany({ where });
  await tx.assignmentCompletion.deleteMany({ where });
  await tx.noteProgress.deleteMany({ where });
  await tx.masteryEvent.deleteMany({ where });
  await tx.itemReport.updateMany({ where, data: { userId: null, comment: null } });
  await tx.user.update({
    where: { id: userId },
    data: {
      name: DELETED_NAME,
      email: `deleted-${randomBytes(12).toString("hex")}@${DELETED_EMAIL_DOMAIN}`,
      passwordHash: null,
      role: "LEARNER",
      emailVerifiedAt: null,
      weeklyDigest: false,
      digestSentAt: null,
      lastActiveAt: null,
      deletedAt: now,
      // Every session token carries the old version: all of them are refused from now on.
      sessionVersion: { increment: 1 },
    },
  });
}
