import { auditFilterInput, auditFilterSchema } from "@/lib/validation/audit";
import { listAudit } from "@/server/audit/list-audit";
import { requireRole } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { validationFailed } from "@/server/http/errors";
import { route } from "@/server/http/route";

/**
 * `GET /api/admin/audit?action=&actor=&from=&to=`: the newest 500 matching entries (admins only).
 * There is no PUT, PATCH or DELETE: the trail is append-only (Next answers those with 405).
 */
export const GET = route(async (request) => {
  await requireRole("ADMIN");
  const filter = auditFilterSchema.safeParse(auditFilterInput(new URL(request.url).searchParams));
  if (!filter.success) throw validationFailed(filter.error);
  return Response.json(await listAudit(getDb(), filter.data));
});
