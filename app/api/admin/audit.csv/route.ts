import { auditFilterInput, auditFilterSchema } from "@/lib/validation/audit";
import { exportAuditCsv } from "@/server/audit/export-audit-csv";
import { recordExport } from "@/server/audit/record-export";
import { requireRole } from "@/server/auth/require-user";
import { requestTime } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { validationFailed } from "@/server/http/errors";
import { route } from "@/server/http/route";

/** `GET /api/admin/audit.csv?action=&actor=&from=&to=`: the same filters as the JSON, as a file. */
export const GET = route(async (request) => {
  const actor = await requireRole("ADMIN");
  const filter = auditFilterSchema.safeParse(auditFilterInput(new URL(request.url).searchParams));
  if (!filter.success) throw validationFailed(filter.error);
  const db = getDb();
  const { filename, body, rows } = await exportAuditCsv(db, filter.data, await requestTime());
  // Recorded after the rows are read, so the file never lists its own export.
  await recordExport(
    db,
    actor.id,
    "audit.csv",
    { type: "audit", id: null },
    await currentRequestAddress(),
    { rows, filters: filter.data },
  );
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
