import { extensionSchema } from "@/lib/validation/assignments";
import { idParamSchema } from "@/lib/validation/quiz";
import { removeExtension, setExtension } from "@/server/assignments/manage-assignments";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { notFound } from "@/server/http/errors";
import { readJson, route } from "@/server/http/route";
import { requireTeamManager } from "@/server/teams/access";

type Context = { params: Promise<{ id: string; aid: string; userId: string }> };

async function readIds(params: Context["params"]) {
  const raw = await params;
  const teamId = idParamSchema.safeParse(raw.id);
  const assignmentId = idParamSchema.safeParse(raw.aid);
  const userId = idParamSchema.safeParse(raw.userId);
  if (!teamId.success || !assignmentId.success || !userId.success) throw notFound("Member");
  return { teamId: teamId.data, assignmentId: assignmentId.data, userId: userId.data };
}

/** `PUT .../extensions/<userId>` with `{ dueAt }`: the learner's own due date. */
export const PUT = route(async (request, { params }: Context) => {
  const user = await requireUser();
  const { teamId, assignmentId, userId } = await readIds(params);
  const db = getDb();
  // Who may ask comes before what they ask: a learner is told no, whatever they send.
  await requireTeamManager(db, user, teamId);
  const { dueAt } = await readJson(request, extensionSchema);
  return Response.json(
    await setExtension(db, user, teamId, assignmentId, userId, dueAt, {
      address: await currentRequestAddress(),
    }),
  );
});

/** `DELETE .../extensions/<userId>`: 204; the learner is due with the team again. */
export const DELETE = route(async (_request, { params }: Context) => {
  const user = await requireUser();
  const { teamId, assignmentId, userId } = await readIds(params);
  await removeExtension(getDb(), user, teamId, assignmentId, userId, {
    address: await currentRequestAddress(),
  });
  return new Response(null, { status: 204 });
});
