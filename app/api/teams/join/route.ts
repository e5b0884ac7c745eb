import { joinTeamSchema } from "@/lib/validation/teams";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { readJson, route } from "@/server/http/route";
import { joinTeam } from "@/server/teams/join-team";

export const POST = route(async (request) => {
  const user = await requireUser();
  const { code } = await readJson(request, joinTeamSchema);
  return Response.json(await joinTeam(getDb(), user, code));
});
