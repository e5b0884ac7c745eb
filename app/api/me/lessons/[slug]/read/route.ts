import { markReadSchema, slugParamSchema } from "@/lib/validation/quiz";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { notFound } from "@/server/http/errors";
import { readJson, route } from "@/server/http/route";
import { markRead } from "@/server/progress/mark-read";

type Context = { params: Promise<{ slug: string }> };

export const PUT = route(async (request, { params }: Context) => {
  const user = await requireUser();
  const slug = slugParamSchema.safeParse((await params).slug);
  if (!slug.success) throw notFound("Lesson");
  const body = await readJson(request, markReadSchema);
  return Response.json(await markRead(getDb(), user.id, slug.data, body.read));
});
