import { idParamSchema } from "@/lib/validation/quiz";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { notFound } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { exportTeamCsv } from "@/server/teams/export-team-csv";

type Context = { params: Promise<{ id: string }> };

export const GET = route(async (_request, { params }: Context) => {
  const user = await requireUser();
  const id = idParamSchema.safeParse((await params).id);
  if (!id.success) throw notFound("Team");
  const { filename, body } = await exportTeamCsv(getDb(), user, id.data);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
