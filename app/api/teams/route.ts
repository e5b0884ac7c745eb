import { createTeamSchema } from "@/lib/validation/teams";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { readJson, route } from "@/server/http/route";
import { createTeam } from "@/server/teams/create-team";
import { listMyTeams } from "@/server/teams/list-teams";

export const GET = route(async () => {
  const user = await requireUser();
  return Response.json(await listMyTeams(getDb(), user));
});

export const POST = route(async (request) => {
  const user = await requireUser();
  const { name } = await readJson(request, createTeamSchema);
  return Response.json(await createTeam(getDb(), user, name, await currentRequestAddress()), {
    status: 201,
  });
});
