import "server-only";
import type { Quiz } from "@/lib/contracts/quiz";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/http/errors";
import { toQuizItem } from "./quiz-items";

export async function getQuiz(db: Db, slug: string): Promise<Quiz> {
  const note = await db.note.findFirst({
    where: { slug, retiredAt: null },
    select: {
      slug: true,
      title: true,
      items: { where: { retiredAt: null }, orderBy: { position: "asc" } },
    },
  });
  if (!note || note.items.length === 0) throw notFound("Quiz");
  return { slug: note.slug, title: note.title, items: note.items.map(toQuizItem) };
}
