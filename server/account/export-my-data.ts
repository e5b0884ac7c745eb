import "server-only";
import { answersShown } from "@/lib/quiz/review-options";
import type { Db } from "@/server/db/client";
import { assignmentRuleSelect, reviewRuleOf } from "@/server/quiz/attempt-review";
import {
  causedByWithheld,
  levelsAsShown,
  readWithheldAnswers,
} from "@/server/quiz/withheld-answers";

/**
 * Everything the app holds about one learner, for them to download. Never the password hash. The
 * answers they gave are theirs: every answer keeps what was chosen, how sure and when. What tells
 * whether an answer was right, while an assignment's review options withhold it at `now`, is left
 * out, as the attempt API leaves it out:
 * - on the attempt's answers, whether each was right and the item's owner or right option;
 * - the review cards of the items it asked: their answer counts, last and first outcome and FSRS
 *   state (stability, difficulty, lapses, due), which are all read off right and wrong answers;
 *   the card keeps its item, how many times it was answered and when last, marked `withheld`;
 * - the mastery of the notes it asked: the level is the one before the test (levelAsShown), its
 *   changes are left out of the history, and `proficientAt` goes, marked `withheld`.
 * Once the options show the answers, all of it is in the export again.
 */
export async function exportMyData(db: Db, userId: string, now = new Date()) {
  const [profile, memberships, progress, attempts, cards, mastery, withheld] = await Promise.all([
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
            option: true,
            confidence: true,
            correct: true,
            answeredAt: true,
            itemVersion: {
              select: { prompt: true, owner: true, answerKey: true, version: true },
            },
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
    readWithheldAnswers(db, userId, now),
  ]);
  const levels = await levelsAsShown(
    db,
    userId,
    withheld,
    new Map(progress.map((p) => [p.noteSlug, p.level])),
  );
  return {
    exportedAt: now.toISOString(),
    profile,
    teams: memberships,
    noteProgress: progress.map(({ proficientAt, ...row }) =>
      withheld.momentsByNote.has(row.noteSlug)
        ? { ...row, level: levels.get(row.noteSlug) ?? 0, withheld: true }
        : { ...row, proficientAt },
    ),
    attempts: attempts.map(({ assignment, ...attempt }) => {
      const review = answersShown(reviewRuleOf(assignment), now);
      if (review.answersShown) return { ...attempt, review };
      return {
        ...attempt,
        review,
        answers: attempt.answers.map((answer) => ({
          itemId: answer.itemId,
          choice: answer.choice,
          option: answer.option,
          confidence: answer.confidence,
          answeredAt: answer.answeredAt,
          itemVersion: { prompt: answer.itemVersion.prompt, version: answer.itemVersion.version },
        })),
      };
    }),
    reviewCards: cards.map((card) =>
      withheld.itemIds.has(card.itemId)
        ? {
            itemId: card.itemId,
            attempts: card.attempts,
            lastReview: card.lastReview,
            withheld: true,
          }
        : card,
    ),
    masteryHistory: mastery.filter(
      (change) => !causedByWithheld(withheld, [change.noteSlug], change.at),
    ),
  };
}
