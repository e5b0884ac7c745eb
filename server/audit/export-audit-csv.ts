import "server-only";
import { toCsv } from "@/lib/csv";
import type { AuditFilter } from "@/lib/validation/audit";
import type { Db } from "@/server/db/client";
import { listAudit, namePeople } from "./list-audit";

/** The most rows one CSV holds; a SIEM pulls day by day with from/to (see README). */
export const AUDIT_CSV_CAP = 10_000;

export const AUDIT_CSV_HEADER = [
  "id",
  "at",
  "actorId",
  "actorName",
  "action",
  "targetType",
  "targetId",
  "address",
  "details",
];

/** The entries matching the filters as CSV, newest first; details stay JSON in one column. */
export async function exportAuditCsv(db: Db, filter: AuditFilter, now: Date) {
  const entries = await listAudit(db, filter, AUDIT_CSV_CAP);
  const names = await namePeople(
    db,
    entries.map((e) => e.actorId),
  );
  const body = toCsv(
    AUDIT_CSV_HEADER,
    entries.map((e) => [
      e.id,
      e.at,
      e.actorId,
      e.actorId ? (names.get(e.actorId) ?? "") : "system",
      e.action,
      e.targetType,
      e.targetId,
      e.address,
      JSON.stringify(e.details),
    ]),
  );
  return { filename: `audit-${now.toISOString().slice(0, 10)}.csv`, body, rows: entries.length };
}
