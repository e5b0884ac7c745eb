import { idParamSchema } from "@/lib/validation/quiz";
import { startAssignmentPractice } from "@/server/assignments/start-assignment-practice";
import { requireUser } from "@/server/auth/require-user";
import { requestTime } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { notFound } from "@/server/http/errors";
import { enforceRateLimit, LIMITS } from "@/server/http/rate-limit";
import { route } from "@/server/http/route";

type Context = { params: Promise<{ aid: string }> };

/** `POST /api/me/assignments/<aid>/attempts`: 201 with the practice attempt, new or resumed. */
export const POST = route(async (_request, { params }: Context) => {
  const user = await requireUser();
  const id = idParamSchema.safeParse((await params).aid);
  if (!id.success) throw notFound("Assignment");
  const db = getDb();
  await enforceRateLimit(db, LIMITS.quizStart, {
    userId: user.id,
    address: await currentRequestAddress(),
  });
  return Response.json(await startAssignmentPractice(db, user.id, id.data, await requestTime()), {
    status: 201,
  });
});
