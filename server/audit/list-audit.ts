import "server-only";
import type { AuditAction, AuditEntryRecord, AuditTargetType } from "@/lib/contracts/audit";
import type { AuditFilter } from "@/lib/validation/audit";
import type { Db } from "@/server/db/client";

/** The most entries one answer holds: narrow the dates (from/to) to see further back. */
export const AUDIT_LIST_CAP = 500;

/** Entries matching the filters, newest first, at most `cap` of them. Admins only: callers check. */
export async function listAudit(
  db: Db,
  filter: AuditFilter,
  cap = AUDIT_LIST_CAP,
): Promise<AuditEntryRecord[]> {
  const rows = await db.auditEntry.findMany({
    where: {
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.actor ? { actorId: filter.actor } : {}),
      ...(filter.from || filter.to ? { at: { gte: filter.from, lte: filter.to } } : {}),
    },
    // The id breaks ties between entries of the same millisecond, so paging and CSVs are stable.
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: cap,
  });
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    action: row.action as AuditAction,
    targetType: row.targetType as AuditTargetType,
    targetId: row.targetId,
    address: row.address,
    details: parseDetails(row.details),
  }));
}

/** The stored JSON object; anything else (never written by recordAudit) reads as `{ raw }`. */
function parseDetails(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  return { raw: text };
}

/** Names of the people entries mention, by id, for a page that shows who rather than an id. */
export async function namePeople(db: Db, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({
    where: { id: { in: wanted } },
    select: { id: true, name: true },
  });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** Everyone who has acted in the trail, by name: the choices of the page's "Who" filter. */
export async function listAuditActors(db: Db): Promise<Array<{ id: string; name: string }>> {
  const rows = await db.auditEntry.findMany({
    where: { actorId: { not: null } },
    distinct: ["actorId"],
    select: { actorId: true },
  });
  const names = await namePeople(
    db,
    rows.map((r) => r.actorId),
  );
  return rows
    .flatMap((r) => (r.actorId ? [{ id: r.actorId, name: names.get(r.actorId) ?? r.actorId }] : []))
    .sort((a, b) => a.name.localeCompare(b.name));
}
