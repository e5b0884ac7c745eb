import { updateAssignmentSchema } from "@/lib/validation/assignments";
import { idParamSchema } from "@/lib/validation/quiz";
import { deleteAssignment, updateAssignment } from "@/server/assignments/manage-assignments";
import { requireUser } from "@/server/auth/require-user";
import { requestTime } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { notFound } from "@/server/http/errors";
import { readJson, route } from "@/server/http/route";
import { requireTeamManager } from "@/server/teams/access";

type Context = { params: Promise<{ id: string; aid: string }> };

async function readIds(params: Context["params"]) {
  const raw = await params;
  const teamId = idParamSchema.safeParse(raw.id);
  const assignmentId = idParamSchema.safeParse(raw.aid);
  if (!teamId.success || !assignmentId.success) throw notFound("Assignment");
  return { teamId: teamId.data, assignmentId: assignmentId.data };
}

/** `PATCH /api/teams/<id>/assignments/<aid>`: 200 with the assignment as the team's list shows it. */
export const PATCH = route(async (request, { params }: Context) => {
  const user = await requireUser();
  const { teamId, assignmentId } = await readIds(params);
  const db = getDb();
  // Who may ask comes before what they ask: a learner is told no, whatever they send.
  await requireTeamManager(db, user, teamId);
  const input = await readJson(request, updateAssignmentSchema);
  return Response.json(
    await updateAssignment(db, user, teamId, assignmentId, input, await requestTime(), {
      address: await currentRequestAddress(),
    }),
  );
});

/** `DELETE /api/teams/<id>/assignments/<aid>`: 204; the attempts taken for it stay. */
export const DELETE = route(async (_request, { params }: Context) => {
  const user = await requireUser();
  const { teamId, assignmentId } = await readIds(params);
  await deleteAssignment(getDb(), user, teamId, assignmentId, {
    address: await currentRequestAddress(),
  });
  return new Response(null, { status: 204 });
});
