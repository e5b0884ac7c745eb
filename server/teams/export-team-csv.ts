import "server-only";
import { toCsv } from "@/lib/csv";
import { MASTERY_LABELS } from "@/lib/quiz/mastery";
import type { CurrentUser } from "@/lib/contracts/session";
import type { Db } from "@/server/db/client";
import { getTeamProgress } from "./get-team-progress";

export const TEAM_CSV_HEADER = [
  "learner",
  "email",
  "note_slug",
  "note",
  "mastery",
  "best_score",
  "attempts",
  "last_active_at",
  // Two numbers rather than "3/11", which Excel would read as a date.
  "lessons_read",
  "lessons_total",
  "reviews_due",
  "overdue",
];

/**
 * One row per learner per quiz note: mastery, best score, attempts and last activity, with the
 * learner's lessons read (the dashboard's count) and reviews due on every row, so that a filtered
 * sheet still has them. UTF-8 with a byte order mark, so that Excel shows names as written.
 */
export async function exportTeamCsv(db: Db, actor: CurrentUser, teamId: string) {
  const progress = await getTeamProgress(db, actor, teamId);
  const titleOf = new Map(progress.notes.map((n) => [n.slug, n.title]));
  const rows = progress.learners.flatMap((learner) =>
    learner.quizzes.map((quiz, i) => [
      learner.name,
      learner.email,
      quiz.slug,
      titleOf.get(quiz.slug) ?? quiz.slug,
      MASTERY_LABELS[learner.mastery[i].level],
      quiz.bestScore,
      quiz.attempts,
      learner.lastActiveAt,
      learner.lessonsRead,
      progress.lessonCount,
      learner.reviewsDue,
      learner.overdue ? "yes" : "no",
    ]),
  );
  return {
    filename: `${progress.team.name.replace(/[^\w-]+/g, "-").replace(/^-|-$/g, "") || "team"}-progress.csv`,
    body: toCsv(TEAM_CSV_HEADER, rows),
  };
}
