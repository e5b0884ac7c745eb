import { gradeAsShown } from "@/lib/quiz/review-options";
import { idParamSchema, submitSchema } from "@/lib/validation/quiz";
import { requireUser } from "@/server/auth/require-user";
import { requestTime } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { notFound } from "@/server/http/errors";
import { readJson, route } from "@/server/http/route";
import { readAttemptReview } from "@/server/quiz/attempt-review";
import { submitAttempt } from "@/server/quiz/submit-attempt";

type Context = { params: Promise<{ id: string }> };

export const POST = route(async (request, { params }: Context) => {
  const user = await requireUser();
  const id = idParamSchema.safeParse((await params).id);
  if (!id.success) throw notFound("Attempt");
  const body = await readJson(request, submitSchema);
  const db = getDb();
  const graded = await submitAttempt(db, user.id, id.data, body.answers);
  // The grade as the attempt's assignment lets the learner see it, at the request's clock.
  const review = await readAttemptReview(db, user.id, id.data, await requestTime());
  return Response.json(gradeAsShown(graded, review));
});
