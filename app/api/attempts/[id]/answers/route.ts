import { idParamSchema, saveAnswersSchema } from "@/lib/validation/quiz";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { notFound } from "@/server/http/errors";
import { readJson, route } from "@/server/http/route";
import { saveAnswers } from "@/server/quiz/save-answers";
import { submitIfExpired } from "@/server/quiz/submit-attempt";

type Context = { params: Promise<{ id: string }> };

export const PUT = route(async (request, { params }: Context) => {
  const user = await requireUser();
  const id = idParamSchema.safeParse((await params).id);
  if (!id.success) throw notFound("Attempt");
  const body = await readJson(request, saveAnswersSchema);
  const db = getDb();
  // Past a time limit the attempt is graded with what was saved, and this save is refused.
  await submitIfExpired(db, user.id, id.data);
  return Response.json(await saveAnswers(db, user.id, id.data, body.answers));
});
