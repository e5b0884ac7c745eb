import "server-only";
import type { Prisma } from "@/generated/sqlite/client";
import { meetsTarget } from "@/lib/assignments/status";

type Tx = Prisma.TransactionClient;

/**
 * Records, in the submit's transaction, the assignments a submitted attempt finished for its
 * learner: the practice assignment it was taken for, and the open notes assignments of the
 * learner's teams whose notes now all stand at the target. A completion is written once and kept,
 * so an assignment stays done when mastery later drops back after a missed review.
 */
export async function recordAssignmentCompletions(
  tx: Tx,
  userId: string,
  attempt: { assignmentId: string | null; noteSlugs: readonly string[] },
  now: Date,
): Promise<void> {
  const finished: string[] = [];
  if (attempt.assignmentId) {
    const practice = await tx.assignment.findFirst({
      where: { id: attempt.assignmentId, kind: "PRACTICE", deletedAt: null },
      select: { id: true },
    });
    if (practice) finished.push(practice.id);
  }
  if (attempt.noteSlugs.length > 0) {
    const candidates = await tx.assignment.findMany({
      where: {
        kind: "NOTES",
        deletedAt: null,
        OR: [{ opensAt: null }, { opensAt: { lte: now } }],
        team: { memberships: { some: { userId, role: "MEMBER" } } },
        notes: { some: { noteSlug: { in: [...attempt.noteSlugs] } } },
        completions: { none: { userId } },
      },
      select: { id: true, targetLevel: true, notes: { select: { noteSlug: true } } },
    });
    const levels = new Map(
      (
        await tx.noteProgress.findMany({
          where: {
            userId,
            noteSlug: {
              in: [...new Set(candidates.flatMap((a) => a.notes.map((n) => n.noteSlug)))],
            },
          },
          select: { noteSlug: true, level: true },
        })
      ).map((row) => [row.noteSlug, row.level]),
    );
    for (const assignment of candidates) {
      const noteLevels = assignment.notes.map((n) => levels.get(n.noteSlug) ?? 0);
      if (assignment.targetLevel !== null && meetsTarget(assignment.targetLevel, noteLevels))
        finished.push(assignment.id);
    }
  }
  // ON CONFLICT rather than Prisma's upsert: two submits finishing the same assignment at once must
  // both go through, keeping the first moment, and an upsert would fail one of them on the key.
  for (const assignmentId of finished) {
    await tx.$executeRaw`
      INSERT INTO "AssignmentCompletion" ("assignmentId", "userId", "completedAt")
      VALUES (${assignmentId}, ${userId}, ${now})
      ON CONFLICT ("assignmentId", "userId") DO NOTHING`;
  }
}
