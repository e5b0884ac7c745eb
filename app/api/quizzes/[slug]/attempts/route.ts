import { slugParamSchema } from "@/lib/validation/quiz";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { notFound } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { startQuizAttempt } from "@/server/quiz/start-attempt";

type Context = { params: Promise<{ slug: string }> };

export const POST = route(async (_request, { params }: Context) => {
  const user = await requireUser();
  const slug = slugParamSchema.safeParse((await params).slug);
  if (!slug.success) throw notFound("Quiz");
  return Response.json(await startQuizAttempt(getDb(), user.id, slug.data), { status: 201 });
});
