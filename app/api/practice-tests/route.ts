import { practiceTestSchema } from "@/lib/validation/quiz";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { enforceRateLimit, LIMITS } from "@/server/http/rate-limit";
import { readJson, route } from "@/server/http/route";
import { startPracticeTest } from "@/server/quiz/start-practice";

/** `POST /api/practice-tests`: a new practice test, then taken with the attempt routes. */
export const POST = route(async (request) => {
  const user = await requireUser();
  const input = await readJson(request, practiceTestSchema);
  const db = getDb();
  await enforceRateLimit(db, LIMITS.quizStart, {
    userId: user.id,
    address: await currentRequestAddress(),
  });
  return Response.json(await startPracticeTest(db, user.id, input), { status: 201 });
});
