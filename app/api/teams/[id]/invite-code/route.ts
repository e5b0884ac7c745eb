import { idParamSchema } from "@/lib/validation/quiz";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { notFound } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { rotateInviteCode } from "@/server/teams/manage-team";

type Context = { params: Promise<{ id: string }> };

/** Replaces the team's invite code; the old code stops working. */
export const POST = route(async (_request, { params }: Context) => {
  const user = await requireUser();
  const id = idParamSchema.safeParse((await params).id);
  if (!id.success) throw notFound("Team");
  return Response.json(
    await rotateInviteCode(getDb(), user, id.data, await currentRequestAddress()),
  );
});
