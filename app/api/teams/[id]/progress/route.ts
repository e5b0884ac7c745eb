import type { TeamProgressResponse } from "@/lib/contracts/teams";
import { idParamSchema } from "@/lib/validation/quiz";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { notFound } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { getTeamProgress } from "@/server/teams/get-team-progress";

type Context = { params: Promise<{ id: string }> };

export const GET = route(async (_request, { params }: Context) => {
  const user = await requireUser();
  const id = idParamSchema.safeParse((await params).id);
  if (!id.success) throw notFound("Team");
  const { learners, items, lessonCount, halves } = await getTeamProgress(getDb(), user, id.data);
  const body: TeamProgressResponse = { learners, items, lessonCount, halves };
  return Response.json(body);
});
