import "server-only";
import type { AuditTargetType } from "@/lib/contracts/audit";
import type { Db } from "@/server/db/client";
import { recordAudit } from "./record-audit";

/** The exports the trail records; the name is what `details.export` holds. */
export type ExportKind = "team.csv" | "assignment.csv" | "my-data.json" | "audit.csv";

/**
 * An "export.create" entry. Called once the export is built, so that a refused or failed export
 * (403, 404) leaves no entry: the trail says what data actually left.
 */
export async function recordExport(
  db: Db,
  actorId: string,
  kind: ExportKind,
  target: { type: AuditTargetType; id: string | null },
  address: string | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(db, {
    actorId,
    action: "export.create",
    targetType: target.type,
    targetId: target.id,
    address,
    details: { export: kind, ...details },
  });
}
