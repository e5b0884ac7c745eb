import { idParamSchema } from "@/lib/validation/quiz";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { notFound } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { removeMember } from "@/server/teams/manage-team";

type Context = { params: Promise<{ id: string; userId: string }> };

export const DELETE = route(async (_request, { params }: Context) => {
  const user = await requireUser();
  const raw = await params;
  const teamId = idParamSchema.safeParse(raw.id);
  const userId = idParamSchema.safeParse(raw.userId);
  if (!teamId.success || !userId.success) throw notFound("Member");
  return Response.json(
    await removeMember(getDb(), user, teamId.data, userId.data, await currentRequestAddress()),
  );
});
