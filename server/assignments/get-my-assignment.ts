import "server-only";
import { targetMasteryOf } from "@/lib/assignments/status";
import type { MyAssignmentDetail } from "@/lib/contracts/assignments";
import { levelName } from "@/lib/quiz/mastery";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/http/errors";
import { readMyAssignments, REVIEW_NAMES } from "./list-assignments";

/**
 * One assignment as its learner sees it: a 404 unless they are a member of its team and it is open
 * and not deleted.
 */
export async function getMyAssignment(
  db: Db,
  userId: string,
  assignmentId: string,
  now: Date,
): Promise<MyAssignmentDetail> {
  const [row] = await readMyAssignments(db, userId, now, assignmentId);
  if (!row) throw notFound("Assignment");
  const { mine, assignment, noteSlugs, levels } = row;
  const titleOf = new Map(
    (
      await db.note.findMany({
        where: { slug: { in: noteSlugs } },
        select: { slug: true, title: true },
      })
    ).map((n) => [n.slug, n.title]),
  );
  return {
    ...mine,
    opensAt: assignment.opensAt?.toISOString() ?? null,
    teamName: assignment.team.name,
    notes: noteSlugs.map((slug) => ({
      slug,
      title: titleOf.get(slug) ?? slug,
      level: levelName(levels.get(slug) ?? 0),
    })),
    targetMastery: targetMasteryOf(assignment.targetLevel),
    size: assignment.size,
    timeLimitMinutes: assignment.timeLimitMinutes,
    attemptsAllowed: assignment.attemptsAllowed,
    attemptsUsed: assignment.attempts.length,
    reviewAnswers: REVIEW_NAMES[assignment.reviewAnswers],
    attempts: assignment.attempts.map((attempt) => ({
      id: attempt.id,
      status: attempt.status === "SUBMITTED" ? "submitted" : "in_progress",
      correct: attempt.correct,
      total: attempt.total,
      startedAt: attempt.createdAt.toISOString(),
      submittedAt: attempt.submittedAt?.toISOString() ?? null,
    })),
  };
}
