import "server-only";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/http/errors";
import { toQuizItem } from "./quiz-items";

/**
 * An attempt with its answers and the item wording it was started with. Another person's attempt is
 * reported as not found, so that attempt ids reveal nothing.
 */
export async function getAttempt(db: Db, userId: string, attemptId: string) {
  const attempt = await db.attempt.findUnique({
    where: { id: attemptId },
    include: {
      answers: {
        orderBy: { position: "asc" },
        include: { itemVersion: true, item: { select: { kind: true, noteSlug: true } } },
      },
    },
  });
  if (!attempt || attempt.userId !== userId) throw notFound("Attempt");
  return {
    id: attempt.id,
    kind: attempt.kind === "REVIEW" ? ("review" as const) : ("quiz" as const),
    noteSlug: attempt.noteSlug,
    status: attempt.status === "SUBMITTED" ? ("submitted" as const) : ("in_progress" as const),
    answers: attempt.answers.map((a) => ({ itemId: a.itemId, choice: a.choice })),
    items: attempt.answers.map((a) =>
      toQuizItem({
        id: a.itemId,
        kind: a.item.kind,
        noteSlug: a.item.noteSlug,
        prompt: a.itemVersion.prompt,
        detail: a.itemVersion.detail,
        serviceModel: a.itemVersion.serviceModel,
      }),
    ),
  };
}
