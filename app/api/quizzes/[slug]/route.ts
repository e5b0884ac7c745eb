import { slugParamSchema } from "@/lib/validation/quiz";
import { getDb } from "@/server/db/client";
import { notFound } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { getQuiz } from "@/server/quiz/get-quiz";

type Context = { params: Promise<{ slug: string }> };

export const GET = route(async (_request, { params }: Context) => {
  const slug = slugParamSchema.safeParse((await params).slug);
  if (!slug.success) throw notFound("Quiz");
  return Response.json(await getQuiz(getDb(), slug.data));
});
