import { listMyAssignments } from "@/server/assignments/list-assignments";
import { requireUser } from "@/server/auth/require-user";
import { requestTime } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { route } from "@/server/http/route";

/** `GET /api/me/assignments`: the open assignments of the signed-in learner's teams. */
export const GET = route(async () => {
  const user = await requireUser();
  return Response.json(await listMyAssignments(getDb(), user.id, await requestTime()));
});
