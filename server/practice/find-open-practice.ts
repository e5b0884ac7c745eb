import "server-only";
import type { Db } from "@/server/db/client";

/**
 * The learner's practice tests still open, newest first, for the practice page to offer back. A
 * timed one past its deadline is left out: opening it submits it (getAttempt).
 */
export async function findOpenPractice(db: Db, userId: string, now = new Date()) {
  return db.attempt.findMany({
    where: {
      userId,
      kind: "PRACTICE",
      status: "IN_PROGRESS",
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
    },
    orderBy: { createdAt: "desc" },
    take: 3,
    select: { id: true, total: true, createdAt: true, expiresAt: true },
  });
}
