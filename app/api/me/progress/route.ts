import { requireUser } from "@/server/auth/require-user";
import { requestTime } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { route } from "@/server/http/route";
import { getProgress } from "@/server/progress/get-progress";

export const GET = route(async () => {
  const user = await requireUser();
  return Response.json(await getProgress(getDb(), user.id, await requestTime()));
});
