import "server-only";
import type { AttemptReview } from "@/lib/contracts/quiz";
import { answersShown, type ReviewRule } from "@/lib/quiz/review-options";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/http/errors";

/**
 * What an attempt's review options are read from: its assignment, even one deleted since (the
 * attempt was taken under its rules), with the learner's extension, if any.
 */
export function assignmentRuleSelect(userId: string) {
  return {
    select: {
      reviewAnswers: true,
      dueAt: true,
      extensions: { where: { userId }, select: { dueAt: true } },
    },
  } as const;
}

type AssignmentRow = {
  reviewAnswers: ReviewRule["reviewAnswers"];
  dueAt: Date;
  extensions: Array<{ dueAt: Date }>;
};

/** The review rule of an attempt's assignment, with the learner's own due date; null without one. */
export function reviewRuleOf(assignment: AssignmentRow | null): ReviewRule | null {
  if (!assignment) return null;
  return {
    reviewAnswers: assignment.reviewAnswers,
    dueAt: assignment.extensions[0]?.dueAt ?? assignment.dueAt,
  };
}

/** Whether the learner's attempt shows its answers at `now`; another person's attempt is a 404. */
export async function readAttemptReview(
  db: Db,
  userId: string,
  attemptId: string,
  now: Date,
): Promise<AttemptReview> {
  const attempt = await db.attempt.findUnique({
    where: { id: attemptId },
    select: { userId: true, assignment: assignmentRuleSelect(userId) },
  });
  if (!attempt || attempt.userId !== userId) throw notFound("Attempt");
  return answersShown(reviewRuleOf(attempt.assignment), now);
}
