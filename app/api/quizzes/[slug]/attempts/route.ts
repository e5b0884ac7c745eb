import { slugParamSchema } from "@/lib/validation/quiz";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { notFound } from "@/server/http/errors";
import { currentRequestAddress } from "@/server/http/client-address";
import { enforceRateLimit, LIMITS } from "@/server/http/rate-limit";
import { route } from "@/server/http/route";
import { startQuizAttempt } from "@/server/quiz/start-attempt";

type Context = { params: Promise<{ slug: string }> };

export const POST = route(async (request, { params }: Context) => {
  const user = await requireUser();
  const slug = slugParamSchema.safeParse((await params).slug);
  if (!slug.success) throw notFound("Quiz");
  const db = getDb();
  await enforceRateLimit(db, LIMITS.quizStart, {
    userId: user.id,
    address: await currentRequestAddress(),
  });
  return Response.json(await startQuizAttempt(db, user.id, slug.data), { status: 201 });
});
