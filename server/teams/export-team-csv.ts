import "server-only";
import { ITEM_KINDS, type ItemKind } from "@/lib/content/types";
import { toCsv } from "@/lib/csv";
import { MASTERY_LABELS } from "@/lib/quiz/mastery";
import { sharePercent } from "@/lib/quiz/score";
import { kindName } from "@/lib/teams/item-analysis";
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
  // Appended, so that sheets built on the columns above keep working: the learner's share right per
  // item kind on the note (empty when they answered none of that kind), and their wrong answers
  // given as "sure" on it.
  ...ITEM_KINDS.map((kind) => `${kindName(kind)}_right`),
  "sure_wrong",
];

interface KindCounts {
  attempts: number;
  correct: number;
}

/**
 * Per learner and note, answers and right answers per kind plus sure-but-wrong answers, summed from
 * the learners' review-card counters (the aggregate the dashboard reads), never from answers.
 */
async function readKindCounts(db: Db, userIds: string[]) {
  const cards = await db.reviewCard.findMany({
    where: { userId: { in: userIds }, attempts: { gt: 0 }, item: { retiredAt: null } },
    select: {
      userId: true,
      attempts: true,
      correctCount: true,
      sureWrong: true,
      item: { select: { noteSlug: true, kind: true } },
    },
  });
  const counts = new Map<
    string,
    { byKind: Partial<Record<ItemKind, KindCounts>>; sureWrong: number }
  >();
  for (const card of cards) {
    const key = `${card.userId} ${card.item.noteSlug}`;
    const entry = counts.get(key) ?? { byKind: {}, sureWrong: 0 };
    const kind = (entry.byKind[card.item.kind] ??= { attempts: 0, correct: 0 });
    kind.attempts += card.attempts;
    kind.correct += card.correctCount;
    entry.sureWrong += card.sureWrong;
    counts.set(key, entry);
  }
  return counts;
}

/**
 * One row per learner per quiz note: mastery, best score, attempts and last activity, with the
 * learner's lessons read (the dashboard's count) and reviews due on every row, so that a filtered
 * sheet still has them, then the learner's share right per item kind on the note and their
 * sure-but-wrong answers there. UTF-8 with a byte order mark, so that Excel shows names as written.
 */
export async function exportTeamCsv(db: Db, actor: CurrentUser, teamId: string) {
  const progress = await getTeamProgress(db, actor, teamId);
  const titleOf = new Map(progress.notes.map((n) => [n.slug, n.title]));
  const counts = await readKindCounts(
    db,
    progress.learners.map((l) => l.userId),
  );
  const rows = progress.learners.flatMap((learner) =>
    learner.quizzes.map((quiz, i) => {
      const mine = counts.get(`${learner.userId} ${quiz.slug}`);
      return [
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
        ...ITEM_KINDS.map((kind) => {
          const k = mine?.byKind[kind];
          return k ? sharePercent(k.correct / k.attempts) : null;
        }),
        mine?.sureWrong ?? 0,
      ];
    }),
  );
  return {
    filename: `${progress.team.name.replace(/[^\w-]+/g, "-").replace(/^-|-$/g, "") || "team"}-progress.csv`,
    body: toCsv(TEAM_CSV_HEADER, rows),
  };
}
