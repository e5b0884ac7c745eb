import "server-only";
import type { Db } from "@/server/db/client";

/** The attempt a learner left unfinished on this note, if any. */
export async function findOpenQuizAttempt(db: Db, userId: string, slug: string) {
  return db.attempt.findFirst({
    where: { userId, noteSlug: slug, kind: "QUIZ", status: "IN_PROGRESS" },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
}

/**
 * The attempt the quiz page shows when it opens: the one left unfinished on this note, else the
 * latest submitted one, else none. It only reads: opening or prefetching the page starts nothing.
 */
export async function findCurrentQuizAttempt(db: Db, userId: string, slug: string) {
  return (
    (await findOpenQuizAttempt(db, userId, slug)) ??
    (await db.attempt.findFirst({
      where: { userId, noteSlug: slug, kind: "QUIZ", status: "SUBMITTED" },
      orderBy: { submittedAt: "desc" },
      select: { id: true },
    }))
  );
}
