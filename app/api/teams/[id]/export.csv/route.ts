import { idParamSchema } from "@/lib/validation/quiz";
import { recordExport } from "@/server/audit/record-export";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { notFound } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { exportTeamCsv } from "@/server/teams/export-team-csv";

type Context = { params: Promise<{ id: string }> };

export const GET = route(async (_request, { params }: Context) => {
  const user = await requireUser();
  const id = idParamSchema.safeParse((await params).id);
  if (!id.success) throw notFound("Team");
  const db = getDb();
  const { filename, body } = await exportTeamCsv(db, user, id.data);
  await recordExport(
    db,
    user.id,
    "team.csv",
    { type: "team", id: id.data },
    await currentRequestAddress(),
  );
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
