import "server-only";
import type { Prisma } from "@/generated/sqlite/client";
import type { BlockedIdentityRecord } from "@/lib/contracts/account";
import type { CurrentUser } from "@/lib/contracts/session";
import { recordAudit } from "@/server/audit/record-audit";
import type { Db } from "@/server/db/client";
import { transaction } from "@/server/db/transaction";
import { forbidden, notFound } from "@/server/http/errors";

/**
 * Blocks every IdP identity linked to an account, inside the transaction that deletes it (before
 * its links go), so that the person's next IdP sign-in is refused instead of making a new, empty
 * account. Returns how many identities were blocked.
 */
export async function blockLinkedIdentities(
  tx: Prisma.TransactionClient,
  userId: string,
  actorId: string | null,
  address: string | null,
  now: Date,
): Promise<number> {
  const links = await tx.ssoAccount.findMany({
    where: { userId },
    select: { provider: true, subject: true },
  });
  for (const link of links) {
    // Blocked already (an earlier account of the same identity): that block stands.
    const block = await tx.blockedIdentity.upsert({
      where: { provider_subject: link },
      create: { ...link, createdAt: now, createdById: actorId },
      update: {},
      select: { id: true },
    });
    await recordAudit(
      tx,
      {
        actorId,
        action: "identity.block",
        targetType: "identity",
        targetId: block.id,
        address,
        details: { provider: link.provider, userId },
      },
      now,
    );
  }
  return links.length;
}

/** The ids of accounts with an IdP link, for the delete form's "also block" box. */
export async function ssoLinkedUserIds(db: Db, actor: CurrentUser): Promise<Set<string>> {
  if (actor.role !== "ADMIN") throw forbidden();
  const links = await db.ssoAccount.findMany({ select: { userId: true } });
  return new Set(links.map((link) => link.userId));
}

/** Every blocked identity, newest first (admins only). */
export async function listBlockedIdentities(
  db: Db,
  actor: CurrentUser,
): Promise<BlockedIdentityRecord[]> {
  if (actor.role !== "ADMIN") throw forbidden();
  const blocks = await db.blockedIdentity.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return blocks.map((b) => ({
    id: b.id,
    provider: b.provider,
    subject: b.subject,
    createdAt: b.createdAt.toISOString(),
    createdById: b.createdById,
  }));
}

/** Lifts a block: the identity's next sign-in makes an account again (admins only). */
export async function unblockIdentity(
  db: Db,
  actor: CurrentUser,
  id: string,
  address: string | null,
): Promise<void> {
  if (actor.role !== "ADMIN") throw forbidden("Only admins can lift a block.");
  await transaction(db, async (tx) => {
    const removed = await tx.blockedIdentity.deleteMany({ where: { id } });
    if (removed.count === 0) throw notFound("Blocked identity");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "identity.unblock",
      targetType: "identity",
      targetId: id,
      address,
      details: {},
    });
  });
}

/** The block on an identity, if there is one. */
export async function findBlock(
  db: Db,
  provider: string,
  subject: string,
): Promise<{ id: string } | null> {
  return db.blockedIdentity.findUnique({
    where: { provider_subject: { provider, subject } },
    select: { id: true },
  });
}
