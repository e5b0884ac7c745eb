import { slugParamSchema } from "@/lib/validation/quiz";
import { requireRole } from "@/server/auth/require-user";
import { getNoteItems } from "@/server/content/get-note-items";
import { notFound } from "@/server/http/errors";
import { route } from "@/server/http/route";

type Context = { params: Promise<{ slug: string }> };

/** What the quiz asks from a lesson, with the heading each owner came from: for those who teach. */
export const GET = route(async (_request, { params }: Context) => {
  await requireRole("INSTRUCTOR", "ADMIN");
  const slug = slugParamSchema.safeParse((await params).slug);
  const report = slug.success ? getNoteItems(slug.data) : null;
  if (!report) throw notFound("Lesson");
  return Response.json(report);
});
