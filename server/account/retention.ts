import "server-only";
import type { Db } from "@/server/db/client";
import { DEMO_EMAILS } from "@/server/seed/seed-demo";
import { deleteAccount } from "./delete-account";

const DAY_MS = 86_400_000;

export type AuditAddressOutcome = { days: number; blanked: number; message: string };

export type RetentionOutcome =
  | { enabled: false; message: string }
  | { enabled: true; inactiveDays: number; deleted: number; message: string };

/**
 * The accounts inactive for longer than `inactiveDays`: last active (or, never active, created)
 * before the cut-off. Admins are never picked: an organisation whose admins all went quiet would
 * otherwise lose the only people who can manage it. Nor are the demo accounts, which exist only on
 * a local demo (a server open to the network never signs them in) and which the seed never makes
 * again once deleted.
 */
export async function findInactiveAccounts(
  db: Db,
  inactiveDays: number,
  now: Date,
): Promise<string[]> {
  const cutoff = new Date(now.getTime() - inactiveDays * DAY_MS);
  const users = await db.user.findMany({
    where: {
      deletedAt: null,
      role: { not: "ADMIN" },
      email: { notIn: DEMO_EMAILS },
      OR: [{ lastActiveAt: { lt: cutoff } }, { lastActiveAt: null, createdAt: { lt: cutoff } }],
    },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  return users.map((u) => u.id);
}

/**
 * Deletes every account inactive for longer than RETENTION_INACTIVE_DAYS, each with the same
 * function as a deletion by the person or an admin, one transaction per account. Without the
 * setting it deletes nothing and says so.
 */
export async function runRetention(
  db: Db,
  inactiveDays: number | undefined,
  now = new Date(),
): Promise<RetentionOutcome> {
  if (inactiveDays === undefined) {
    return {
      enabled: false,
      message: "RETENTION_INACTIVE_DAYS is not set: no account is deleted for inactivity.",
    };
  }
  let deleted = 0;
  for (const userId of await findInactiveAccounts(db, inactiveDays, now)) {
    // One failure (the account was deleted meanwhile) must not stop the rest: logged, not counted.
    await deleteAccount(db, { userId, actorId: null, by: "retention", address: null, now }).then(
      () => deleted++,
      (error: unknown) => console.error(`retention: could not delete ${userId}:`, error),
    );
  }
  return {
    enabled: true,
    inactiveDays,
    deleted,
    message: `Deleted ${deleted} account${deleted === 1 ? "" : "s"} inactive for more than ${inactiveDays} days.`,
  };
}

/**
 * Blanks the client address of every audit entry older than `days`. The entry itself stays (who did
 * what, to what, when): only where it came from goes, since an address can identify a person and the
 * trail is kept for good. The database's append-only triggers let exactly this change through
 * (the audit_address_retention migration).
 */
export async function runAuditAddressRetention(
  db: Db,
  days: number,
  now = new Date(),
): Promise<AuditAddressOutcome> {
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const { count } = await db.auditEntry.updateMany({
    where: { at: { lt: cutoff }, address: { not: null } },
    data: { address: null },
  });
  return {
    days,
    blanked: count,
    message: `Blanked the address of ${count} audit entr${count === 1 ? "y" : "ies"} older than ${days} days.`,
  };
}
