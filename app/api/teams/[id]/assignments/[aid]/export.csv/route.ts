import { idParamSchema } from "@/lib/validation/quiz";
import { exportAssignmentCsv } from "@/server/assignments/export-assignment-csv";
import { recordExport } from "@/server/audit/record-export";
import { requireUser } from "@/server/auth/require-user";
import { requestTime } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { notFound } from "@/server/http/errors";
import { route } from "@/server/http/route";

type Context = { params: Promise<{ id: string; aid: string }> };

/** `GET /api/teams/<id>/assignments/<aid>/export.csv`: one row per learner. */
export const GET = route(async (_request, { params }: Context) => {
  const user = await requireUser();
  const raw = await params;
  const teamId = idParamSchema.safeParse(raw.id);
  const assignmentId = idParamSchema.safeParse(raw.aid);
  if (!teamId.success || !assignmentId.success) throw notFound("Assignment");
  const db = getDb();
  const { filename, body } = await exportAssignmentCsv(
    db,
    user,
    teamId.data,
    assignmentId.data,
    await requestTime(),
  );
  await recordExport(
    db,
    user.id,
    "assignment.csv",
    { type: "assignment", id: assignmentId.data },
    await currentRequestAddress(),
    { teamId: teamId.data },
  );
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
