import "server-only";
import { parseItemSpec } from "@/lib/content/item-spec";
import type { ItemSpec, Owner } from "@/lib/content/types";
import type { CurrentUser } from "@/lib/contracts/session";
import type {
  HalfAnalysis,
  ItemAnalysis,
  LearnerProgress,
  SharedHalves,
} from "@/lib/contracts/teams";
import { levelName, MASTERY_LEVELS } from "@/lib/quiz/mastery";
import {
  discrimination,
  firstAnswers,
  itemFlags,
  type ScoredAnswer,
} from "@/lib/teams/discrimination";
import { itemLabel, kindName, missedHalf, optionText } from "@/lib/teams/item-analysis";
import type { Db } from "@/server/db/client";
import { countLessonsRead, listLessons } from "@/server/progress/get-progress";
import { requireTeamManager } from "./access";
import { readReviewsDue } from "./overdue";

const PROFICIENT = MASTERY_LEVELS.indexOf("proficient");

/**
 * The instructor's view of a team, read from per-learner aggregates (note progress and the running
 * counters on review cards) so that its cost grows with the team, not with the answer history.
 */
export async function getTeamProgress(
  db: Db,
  actor: CurrentUser,
  teamId: string,
  now = new Date(),
) {
  const team = await requireTeamManager(db, actor, teamId);
  const inTeam = { user: { memberships: { some: { teamId, role: "MEMBER" as const } } } };
  const [members, lessons, progress, itemStats] = await Promise.all([
    db.teamMembership.findMany({
      where: { teamId, role: "MEMBER" },
      select: { user: { select: { id: true, name: true, email: true, lastActiveAt: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    listLessons(db),
    db.noteProgress.findMany({
      where: inTeam,
      select: {
        userId: true,
        noteSlug: true,
        readAt: true,
        attempts: true,
        bestScore: true,
        level: true,
      },
    }),
    db.teamItemStat.findMany({
      where: { teamId, attempts: { gt: 0 }, item: { retiredAt: null } },
      include: {
        item: {
          select: {
            prompt: true,
            noteSlug: true,
            kind: true,
            answerKey: true,
            spec: true,
            currentVersionId: true,
          },
        },
      },
    }),
  ]);

  // The grid's columns: the lessons with a quiz.
  const notes = lessons.filter((l) => l.hasQuiz).map(({ slug, title }) => ({ slug, title }));
  const due = await readReviewsDue(
    db,
    members.map((m) => m.user.id),
    now,
  );
  const progressOf = new Map<string, Map<string, (typeof progress)[number]>>();
  for (const row of progress) {
    const byNote = progressOf.get(row.userId) ?? new Map();
    byNote.set(row.noteSlug, row);
    progressOf.set(row.userId, byNote);
  }

  const learners: LearnerProgress[] = members.map(({ user }) => {
    const mine = progressOf.get(user.id) ?? new Map<string, (typeof progress)[number]>();
    return {
      userId: user.id,
      name: user.name,
      email: user.email,
      lessonsRead: countLessonsRead(
        lessons,
        [...mine.values()].filter((p) => p.readAt).map((p) => p.noteSlug),
      ),
      quizzes: notes.map((n) => ({
        slug: n.slug,
        attempts: mine.get(n.slug)?.attempts ?? 0,
        bestScore: mine.get(n.slug)?.bestScore ?? null,
      })),
      mastery: notes.map((n) => ({
        noteSlug: n.slug,
        level: levelName(mine.get(n.slug)?.level ?? 0),
      })),
      lastActiveAt: user.lastActiveAt?.toISOString() ?? null,
      ...(due.get(user.id) ?? { reviewsDue: 0, oldestDueAt: null, overdue: false }),
    };
  });

  const specs = new Map(itemStats.map((s) => [s.itemId, parseItemSpec(s.item.spec)]));
  const wrongOptions = await readWrongOptions(
    db,
    teamId,
    itemStats.filter((s) => s.item.answerKey !== null).map((s) => s.itemId),
    specs,
  );
  const firsts = firstAnswers(
    await readFirstAnswers(
      db,
      teamId,
      itemStats.map((s) => ({ itemId: s.itemId, currentVersionId: s.item.currentVersionId })),
    ),
  );

  const items: ItemAnalysis[] = itemStats
    .map((s) => {
      const wrong: Array<[Owner, number]> = [
        ["AWS", s.wrongAws],
        ["CUSTOMER", s.wrongCustomer],
        ["SHARED", s.wrongShared],
      ];
      const [topChoice, topCount] = wrong.reduce((best, next) => (next[1] > best[1] ? next : best));
      const option = wrongOptions.get(s.itemId);
      const commonWrong =
        s.item.answerKey !== null
          ? option
            ? { option: option.text }
            : null
          : topCount > 0
            ? { owner: topChoice }
            : null;
      const correctRate = s.correctCount / s.attempts;
      const index = discrimination(firsts, s.item.currentVersionId);
      return {
        itemId: s.itemId,
        prompt: s.item.prompt,
        noteSlug: s.item.noteSlug,
        attempts: s.attempts,
        correctRate,
        commonWrongChoice: topCount > 0 ? topChoice : null,
        commonWrongRate: (s.item.answerKey !== null ? (option?.count ?? 0) : topCount) / s.attempts,
        kind: kindName(s.item.kind),
        label: itemLabel(s.item.prompt, specs.get(s.itemId) ?? null),
        sureWrong: s.sureWrong,
        commonWrong,
        discrimination: index,
        flags: itemFlags({ correctRate, attempts: s.attempts, discrimination: index }),
      };
    })
    .sort(
      (a, b) =>
        a.correctRate - b.correctRate ||
        b.attempts - a.attempts ||
        a.prompt.localeCompare(b.prompt),
    );

  const pairs = learners.length * notes.length;
  const quizSlugs = new Set(notes.map((n) => n.slug));
  const proficientPairs = progress.filter(
    (p) => p.level >= PROFICIENT && quizSlugs.has(p.noteSlug),
  ).length;
  // Shares stay unrounded: pages turn them into percentages with sharePercent, the one rounding.
  return {
    team: { id: team.id, name: team.name, inviteCode: team.inviteCode },
    notes,
    lessonCount: lessons.length,
    learners,
    items,
    halves: groupHalves(items, specs),
    completion: pairs ? proficientPairs / pairs : 0,
  };
}

/**
 * Each team member's first answer to the current wording of the items the dashboard shows, for the
 * discrimination index. A correlation pairs each learner's answer to an item with their score on the
 * rest, which no per-item counter in TeamItemStat can hold, so it is read per learner from the review
 * cards, which keep the first answer to the wording last answered: its cost grows with the team and
 * the items, not with the answer history. A card whose last answered wording is an older one has no
 * answer to the current wording yet.
 */
async function readFirstAnswers(
  db: Db,
  teamId: string,
  items: Array<{ itemId: string; currentVersionId: string }>,
): Promise<ScoredAnswer[]> {
  if (items.length === 0) return [];
  const current = new Map(items.map((i) => [i.itemId, i.currentVersionId]));
  const cards = await db.reviewCard.findMany({
    where: {
      itemId: { in: [...current.keys()] },
      firstCorrect: { not: null },
      user: { memberships: { some: { teamId, role: "MEMBER" } } },
    },
    select: { userId: true, itemId: true, firstVersionId: true, firstCorrect: true },
  });
  return cards.flatMap((card) =>
    card.firstVersionId !== null && card.firstVersionId === current.get(card.itemId)
      ? [
          {
            userId: card.userId,
            itemVersionId: card.firstVersionId,
            correct: card.firstCorrect === true,
          },
        ]
      : [],
  );
}

/**
 * The statement most often picked wrongly for each option item (split halves, a scenario's failed
 * control), over the submitted attempts of the team's current members. This is the one part of the
 * dashboard that reads answers: TeamItemStat keeps a fixed counter per owner, and cannot hold
 * counts per option key, whose set differs for every item. The query stays bounded: only the option
 * items the dashboard shows, only wrong answers, grouped in the database.
 */
async function readWrongOptions(
  db: Db,
  teamId: string,
  itemIds: string[],
  specs: Map<string, ItemSpec | null>,
): Promise<Map<string, { text: string; count: number }>> {
  const top = new Map<string, { text: string; count: number }>();
  if (itemIds.length === 0) return top;
  const groups = await db.answer.groupBy({
    by: ["itemId", "option"],
    where: {
      itemId: { in: itemIds },
      correct: false,
      option: { not: null },
      attempt: {
        status: "SUBMITTED",
        user: { memberships: { some: { teamId, role: "MEMBER" } } },
      },
    },
    _count: { _all: true },
  });
  // An option of an older wording is not in the current spec: read the item's versions for it.
  const unknown = groups.filter((g) => optionText(specs.get(g.itemId) ?? null, g.option) === null);
  const older = new Map<string, Array<ItemSpec | null>>();
  if (unknown.length > 0) {
    const versions = await db.itemVersion.findMany({
      where: { itemId: { in: [...new Set(unknown.map((g) => g.itemId))] } },
      select: { itemId: true, spec: true },
    });
    for (const v of versions)
      older.set(v.itemId, [...(older.get(v.itemId) ?? []), parseItemSpec(v.spec)]);
  }
  const textOf = (itemId: string, key: string | null) =>
    optionText(specs.get(itemId) ?? null, key) ??
    (older.get(itemId) ?? []).map((spec) => optionText(spec, key)).find((t) => t !== null) ??
    null;
  for (const g of groups) {
    const text = textOf(g.itemId, g.option);
    const best = top.get(g.itemId);
    if (
      text !== null &&
      (!best || g._count._all > best.count || (g._count._all === best.count && text < best.text))
    )
      top.set(g.itemId, { text, count: g._count._all });
  }
  return top;
}

/**
 * The split items grouped into their Shared controls, by note and control (two notes may each have
 * a control called "Backups"), with the half the team misses more. The most-missed control first.
 */
function groupHalves(items: ItemAnalysis[], specs: Map<string, ItemSpec | null>): SharedHalves[] {
  const controls = new Map<string, SharedHalves>();
  for (const item of items) {
    const spec = specs.get(item.itemId);
    if (spec?.kind !== "SPLIT") continue;
    const key = `${item.noteSlug}\n${spec.control}`;
    const group = controls.get(key) ?? {
      noteSlug: item.noteSlug,
      control: spec.control,
      aws: null,
      customer: null,
      missedMore: null,
    };
    const half: HalfAnalysis = {
      itemId: item.itemId,
      attempts: item.attempts,
      correctRate: item.correctRate,
    };
    if (spec.half === "AWS") group.aws = half;
    else group.customer = half;
    controls.set(key, group);
  }
  const lowest = (g: SharedHalves) =>
    Math.min(g.aws?.correctRate ?? 1, g.customer?.correctRate ?? 1);
  return [...controls.values()]
    .map((g) => ({ ...g, missedMore: missedHalf(g.aws, g.customer) }))
    .sort(
      (a, b) =>
        lowest(a) - lowest(b) ||
        a.control.localeCompare(b.control) ||
        a.noteSlug.localeCompare(b.noteSlug),
    );
}
