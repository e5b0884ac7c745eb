import "server-only";
import { answersShown } from "@/lib/quiz/review-options";
import type { Db } from "@/server/db/client";
import { assignmentRuleSelect, reviewRuleOf } from "@/server/quiz/attempt-review";

/**
 * Everything the app holds about one learner, for them to download. Never the password hash. The
 * answers they gave are theirs; the right answers (an item's owner, whether an answer was right) of
 * an attempt whose assignment withholds them at `now` are left out, as the attempt API leaves them
 * out.
 */
export async function exportMyData(db: Db, userId: string, now = new Date()) {
  const [profile, memberships, progress, attempts, cards, mastery] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        createdAt: true,
        lastActiveAt: true,
      },
    }),
    db.teamMembership.findMany({
      where: { userId },
      select: { role: true, joinedAt: true, team: { select: { id: true, name: true } } },
    }),
    db.noteProgress.findMany({ where: { userId }, omit: { userId: true } }),
    db.attempt.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        kind: true,
        noteSlug: true,
        status: true,
        correct: true,
        total: true,
        createdAt: true,
        submittedAt: true,
        assignmentId: true,
        assignment: assignmentRuleSelect(userId),
        answers: {
          orderBy: { position: "asc" },
          select: {
            itemId: true,
            choice: true,
            correct: true,
            answeredAt: true,
            itemVersion: { select: { prompt: true, owner: true, version: true } },
          },
        },
      },
    }),
    db.reviewCard.findMany({ where: { userId }, omit: { userId: true } }),
    db.masteryEvent.findMany({
      where: { userId },
      orderBy: { at: "asc" },
      select: { noteSlug: true, level: true, at: true },
    }),
  ]);
  return {
    exportedAt: now.toISOString(),
    profile,
    teams: memberships,
    noteProgress: progress,
    attempts: attempts.map(({ assignment, ...attempt }) => {
      const review = answersShown(reviewRuleOf(assignment), now);
      if (review.answersShown) return { ...attempt, review };
      return {
        ...attempt,
        review,
        answers: attempt.answers.map((answer) => ({
          itemId: answer.itemId,
          choice: answer.choice,
          answeredAt: answer.answeredAt,
          itemVersion: { prompt: answer.itemVersion.prompt, version: answer.itemVersion.version },
        })),
      };
    }),
    reviewCards: cards,
    masteryHistory: mastery,
  };
}
