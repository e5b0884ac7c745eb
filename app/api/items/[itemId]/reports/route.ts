import { idParamSchema } from "@/lib/validation/quiz";
import { createReportSchema } from "@/lib/validation/reports";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { notFound } from "@/server/http/errors";
import { enforceRateLimit, LIMITS } from "@/server/http/rate-limit";
import { readJson, route } from "@/server/http/route";
import { createReport } from "@/server/reports/create-report";

type Context = { params: Promise<{ itemId: string }> };

export const POST = route(async (request, { params }: Context) => {
  const user = await requireUser();
  const itemId = idParamSchema.safeParse((await params).itemId);
  if (!itemId.success) throw notFound("Item");
  const input = await readJson(request, createReportSchema);
  const db = getDb();
  await enforceRateLimit(db, LIMITS.itemReport, {
    userId: user.id,
    address: await currentRequestAddress(),
  });
  return Response.json(await createReport(db, user, itemId.data, input), { status: 201 });
});
