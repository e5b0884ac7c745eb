import { joinTeamSchema } from "@/lib/validation/teams";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { enforceRateLimit, LIMITS } from "@/server/http/rate-limit";
import { readJson, route } from "@/server/http/route";
import { joinTeam } from "@/server/teams/join-team";

export const POST = route(async (request) => {
  const user = await requireUser();
  const { code } = await readJson(request, joinTeamSchema);
  const db = getDb();
  const address = await currentRequestAddress();
  await enforceRateLimit(db, LIMITS.teamJoin, { userId: user.id, address });
  return Response.json(await joinTeam(db, user, code, address));
});
