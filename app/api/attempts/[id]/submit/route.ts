import type { GradedAttempt } from "@/lib/contracts/quiz";
import { idParamSchema, submitSchema } from "@/lib/validation/quiz";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { notFound } from "@/server/http/errors";
import { readJson, route } from "@/server/http/route";
import { submitAttempt } from "@/server/quiz/submit-attempt";

type Context = { params: Promise<{ id: string }> };

export const POST = route(async (request, { params }: Context) => {
  const user = await requireUser();
  const id = idParamSchema.safeParse((await params).id);
  if (!id.success) throw notFound("Attempt");
  const body = await readJson(request, submitSchema);
  const graded: GradedAttempt = await submitAttempt(getDb(), user.id, id.data, body.answers);
  return Response.json(graded);
});
