import { idParamSchema } from "@/lib/validation/quiz";
import { resolveReportSchema } from "@/lib/validation/reports";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { notFound } from "@/server/http/errors";
import { readJson, route } from "@/server/http/route";
import { resolveReport } from "@/server/reports/resolve-report";

type Context = { params: Promise<{ rid: string }> };

export const PATCH = route(async (request, { params }: Context) => {
  const user = await requireUser();
  const id = idParamSchema.safeParse((await params).rid);
  if (!id.success) throw notFound("Report");
  const input = await readJson(request, resolveReportSchema);
  return Response.json(await resolveReport(getDb(), user, id.data, input, {
      address: await currentRequestAddress(),
    }));
});
