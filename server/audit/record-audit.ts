import "server-only";
import type { Prisma } from "@/generated/sqlite/client";
import type { AuditAction, AuditTargetType } from "@/lib/contracts/audit";
import type { Db } from "@/server/db/client";

/** What a change's caller knows of the request, for its audit entry: none outside a request. */
export interface AuditContext {
  address: string | null;
}

export interface AuditEvent {
  /** Who acted; null when the system did (the retention job, the sign-in throttle). */
  actorId: string | null;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string | null;
  /** The client's address (currentRequestAddress()), or null outside a request. */
  address: string | null;
  /** Ids, roles, counts and names of things; never a password, a token or the target's email. */
  details?: Record<string, unknown>;
}

/**
 * Appends one entry to the audit trail. Call it inside the transaction that makes the change, so
 * that the change and its record land together or not at all.
 */
export async function recordAudit(
  db: Db | Prisma.TransactionClient,
  event: AuditEvent,
  at = new Date(),
): Promise<void> {
  await db.auditEntry.create({
    data: {
      at,
      actorId: event.actorId,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId,
      address: event.address,
      details: JSON.stringify(event.details ?? {}),
    },
  });
}
