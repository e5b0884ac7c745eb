import "server-only";
import { parseItemSpec } from "@/lib/content/item-spec";
import type { CurrentUser } from "@/lib/contracts/session";
import type { LearnerHistory } from "@/lib/contracts/teams";
import { failuresOf, isLeech, LEECH_FAILURES } from "@/lib/quiz/leech";
import { levelName } from "@/lib/quiz/mastery";
import { itemLabel, kindName, optionText } from "@/lib/teams/item-analysis";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/http/errors";
import { countLessonsRead, listLessons } from "@/server/progress/get-progress";
import { requireTeamManager } from "./access";
import { readReviewsDue } from "./overdue";

/**
 * An instructor's drill-down: a team member's standing per note, the items they keep failing
 * (leeches), and their submitted attempts, each answer beside what was expected.
 */
export async function getLearnerHistory(
  db: Db,
  actor: CurrentUser,
  teamId: string,
  userId: string,
  limit = 50,
  now = new Date(),
): Promise<LearnerHistory> {
  const team = await requireTeamManager(db, actor, teamId);
  const membership = await db.teamMembership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: {
      role: true,
      user: { select: { id: true, name: true, email: true, lastActiveAt: true } },
    },
  });
  if (!membership || membership.role !== "MEMBER") throw notFound("Learner");
  const [lessons, progress, due, cards, attempts] = await Promise.all([
    listLessons(db),
    db.noteProgress.findMany({
      where: { userId },
      select: { noteSlug: true, readAt: true, attempts: true, bestScore: true, level: true },
    }),
    readReviewsDue(db, [userId], now),
    // Enough answers to hold that many failures; the failures themselves are counted below. Items
    // no quiz asks any more are left out: there is nothing left to reword.
    db.reviewCard.findMany({
      where: { userId, attempts: { gte: LEECH_FAILURES }, item: { retiredAt: null } },
      select: {
        itemId: true,
        attempts: true,
        correctCount: true,
        item: { select: { noteSlug: true, prompt: true, spec: true } },
      },
    }),
    db.attempt.findMany({
      where: { userId, status: "SUBMITTED" },
      orderBy: { submittedAt: "desc" },
      take: limit,
      select: {
        id: true,
        kind: true,
        noteSlug: true,
        correct: true,
        total: true,
        submittedAt: true,
        answers: {
          orderBy: { position: "asc" },
          select: {
            itemId: true,
            choice: true,
            option: true,
            confidence: true,
            correct: true,
            item: { select: { kind: true } },
            itemVersion: { select: { prompt: true, owner: true, answerKey: true, spec: true } },
          },
        },
      },
    }),
  ]);
  // Titles of every note, retired ones too: an old attempt keeps its quiz's name.
  const titles = new Map(
    (await db.note.findMany({ select: { slug: true, title: true } })).map((n) => [n.slug, n.title]),
  );
  const byNote = new Map(progress.map((p) => [p.noteSlug, p]));
  return {
    team: { id: team.id, name: team.name },
    learner: {
      ...membership.user,
      lastActiveAt: membership.user.lastActiveAt?.toISOString() ?? null,
    },
    lessonsRead: countLessonsRead(
      lessons,
      progress.filter((p) => p.readAt).map((p) => p.noteSlug),
    ),
    lessonCount: lessons.length,
    ...(due.get(userId) ?? { reviewsDue: 0, oldestDueAt: null, overdue: false }),
    notes: lessons
      .filter((l) => l.hasQuiz)
      .map((l) => {
        const p = byNote.get(l.slug);
        return {
          slug: l.slug,
          title: l.title,
          level: levelName(p?.level ?? 0),
          attempts: p?.attempts ?? 0,
          bestScore: p?.bestScore ?? null,
          read: Boolean(p?.readAt),
        };
      }),
    leeches: cards
      .filter(isLeech)
      .map((card) => ({
        itemId: card.itemId,
        label: itemLabel(card.item.prompt, parseItemSpec(card.item.spec)),
        noteSlug: card.item.noteSlug,
        failures: failuresOf(card),
      }))
      .sort((a, b) => b.failures - a.failures || a.label.localeCompare(b.label)),
    attempts: attempts.map((a) => ({
      attemptId: a.id,
      kind: a.kind === "REVIEW" ? "review" : a.kind === "PRACTICE" ? "practice" : "quiz",
      noteSlug: a.noteSlug,
      noteTitle: a.noteSlug ? (titles.get(a.noteSlug) ?? a.noteSlug) : null,
      correct: a.correct ?? 0,
      total: a.total,
      submittedAt: a.submittedAt?.toISOString() ?? null,
      answers: a.answers.map((x) => {
        // The version the learner answered: its options are the ones they saw.
        const spec = parseItemSpec(x.itemVersion.spec);
        return {
          itemId: x.itemId,
          prompt: x.itemVersion.prompt,
          choice: x.choice,
          expected: x.itemVersion.owner,
          correct: x.correct === true,
          kind: kindName(x.item.kind),
          label: itemLabel(x.itemVersion.prompt, spec),
          option: optionText(spec, x.option),
          expectedOption: optionText(spec, x.itemVersion.answerKey),
          confidence:
            x.confidence === "SURE" ? "sure" : x.confidence === "UNSURE" ? "unsure" : null,
        };
      }),
    })),
  };
}
