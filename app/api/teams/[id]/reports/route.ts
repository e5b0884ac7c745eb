import type { ItemReportView } from "@/lib/contracts/reports";
import { idParamSchema } from "@/lib/validation/quiz";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { notFound } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { listTeamReports } from "@/server/reports/list-reports";

type Context = { params: Promise<{ id: string }> };

export const GET = route(async (_request, { params }: Context) => {
  const user = await requireUser();
  const id = idParamSchema.safeParse((await params).id);
  if (!id.success) throw notFound("Team");
  const body: ItemReportView[] = await listTeamReports(getDb(), user, id.data);
  return Response.json(body);
});
