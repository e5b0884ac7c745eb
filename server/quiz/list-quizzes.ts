import "server-only";
import type { QuizSummary } from "@/lib/contracts/quiz";
import type { Db } from "@/server/db/client";

export async function listQuizzes(db: Db): Promise<QuizSummary[]> {
  const [notes, counts] = await Promise.all([
    db.note.findMany({
      where: { retiredAt: null },
      select: { slug: true, title: true },
      orderBy: { title: "asc" },
    }),
    db.item.groupBy({ by: ["noteSlug"], where: { retiredAt: null }, _count: { _all: true } }),
  ]);
  const countOf = new Map(counts.map((c) => [c.noteSlug, c._count._all]));
  return notes
    .filter((n) => countOf.has(n.slug))
    .map((n) => ({ slug: n.slug, title: n.title, itemCount: countOf.get(n.slug) ?? 0 }));
}
