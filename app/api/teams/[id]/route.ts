import { idParamSchema } from "@/lib/validation/quiz";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { notFound } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { deleteTeam } from "@/server/teams/delete-team";

type Context = { params: Promise<{ id: string }> };

/** `DELETE /api/teams/<id>`: the team's instructors and admins; 204. Learners' progress stays. */
export const DELETE = route(async (_request, { params }: Context) => {
  const user = await requireUser();
  const id = idParamSchema.safeParse((await params).id);
  if (!id.success) throw notFound("Team");
  await deleteTeam(getDb(), user, id.data, await currentRequestAddress());
  return new Response(null, { status: 204 });
});
