import { createAssignmentSchema } from "@/lib/validation/assignments";
import { idParamSchema } from "@/lib/validation/quiz";
import { listTeamAssignments } from "@/server/assignments/list-assignments";
import { createAssignment } from "@/server/assignments/manage-assignments";
import { requireUser } from "@/server/auth/require-user";
import { requestTime } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { notFound } from "@/server/http/errors";
import { enforceRateLimit, LIMITS } from "@/server/http/rate-limit";
import { readJson, route } from "@/server/http/route";
import { requireTeamManager } from "@/server/teams/access";

type Context = { params: Promise<{ id: string }> };

/** `GET /api/teams/<id>/assignments`: the team's assignments with every learner's status. */
export const GET = route(async (_request, { params }: Context) => {
  const user = await requireUser();
  const id = idParamSchema.safeParse((await params).id);
  if (!id.success) throw notFound("Team");
  return Response.json(await listTeamAssignments(getDb(), user, id.data, await requestTime()));
});

/** `POST /api/teams/<id>/assignments`: 201 with `{ id }`. */
export const POST = route(async (request, { params }: Context) => {
  const user = await requireUser();
  const id = idParamSchema.safeParse((await params).id);
  if (!id.success) throw notFound("Team");
  const db = getDb();
  // Who may ask comes before what they ask: a learner is told no, whatever they send.
  await requireTeamManager(db, user, id.data);
  const input = await readJson(request, createAssignmentSchema);
  await enforceRateLimit(db, LIMITS.assignmentCreate, {
    userId: user.id,
    address: await currentRequestAddress(),
  });
  return Response.json(
    await createAssignment(db, user, id.data, input, { address: await currentRequestAddress() }),
    { status: 201 },
  );
});
