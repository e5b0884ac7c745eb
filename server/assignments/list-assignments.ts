import "server-only";
import { quizHref } from "@/lib/content/slug";
import {
  assignmentStatus,
  effectiveDueAt,
  targetMasteryOf,
  type LearnerWork,
} from "@/lib/assignments/status";
import type {
  AssignmentKindName,
  AssignmentStatus,
  MyAssignment,
  ReviewAnswersName,
  TeamAssignment,
} from "@/lib/contracts/assignments";
import type { CurrentUser } from "@/lib/contracts/session";
import { scorePercent } from "@/lib/quiz/score";
import type { Db } from "@/server/db/client";
import { requireTeamManager } from "@/server/teams/access";
import {
  causedByWithheld,
  levelsAsShown,
  readWithheldAnswers,
} from "@/server/quiz/withheld-answers";

const KIND_NAMES: Record<"NOTES" | "PRACTICE", AssignmentKindName> = {
  NOTES: "notes",
  PRACTICE: "practice",
};

export const REVIEW_NAMES: Record<"IMMEDIATELY" | "AFTER_DUE" | "NEVER", ReviewAnswersName> = {
  IMMEDIATELY: "immediately",
  AFTER_DUE: "after_due",
  NEVER: "never",
};

/** Open: no open date, or one that has passed. */
function isOpen(opensAt: Date | null, now: Date): boolean {
  return opensAt === null || opensAt.getTime() <= now.getTime();
}

const openNow = (now: Date) => ({ OR: [{ opensAt: null }, { opensAt: { lte: now } }] });

/** What the status needs of one assignment and one learner, from rows read in bulk. */
interface WorkRows {
  kind: "NOTES" | "PRACTICE";
  targetLevel: number | null;
  noteSlugs: string[];
  completed: boolean;
  levels: Map<string, number>;
  attemptsStarted: number;
}

function learnerWork(rows: WorkRows): LearnerWork {
  return rows.kind === "NOTES"
    ? {
        kind: "notes",
        completed: rows.completed,
        targetLevel: rows.targetLevel ?? 0,
        noteLevels: rows.noteSlugs.map((slug) => rows.levels.get(slug) ?? 0),
      }
    : { kind: "practice", completed: rows.completed, attemptsStarted: rows.attemptsStarted };
}

/**
 * Where the work is: a notes assignment's first note below the target (its first note once done),
 * or a practice assignment's own page.
 */
function hrefOf(
  assignment: { id: string; kind: "NOTES" | "PRACTICE"; targetLevel: number | null },
  noteSlugs: string[],
  levels: Map<string, number>,
): string {
  if (assignment.kind === "PRACTICE") return `/assignments/${assignment.id}`;
  const below = noteSlugs.find((slug) => (levels.get(slug) ?? 0) < (assignment.targetLevel ?? 0));
  return quizHref(below ?? noteSlugs[0]);
}

const ASSIGNMENT_COLUMNS = {
  id: true,
  teamId: true,
  kind: true,
  title: true,
  targetLevel: true,
  size: true,
  timeLimitMinutes: true,
  attemptsAllowed: true,
  reviewAnswers: true,
  opensAt: true,
  dueAt: true,
  createdAt: true,
  notes: { select: { noteSlug: true }, orderBy: { position: "asc" as const } },
} as const;

/**
 * A team's assignments (all, or the one asked for), each with every learner's status, read in a few
 * bulk queries. Open ones come first by due date, the soonest first; then those not open yet, by
 * open date.
 */
export async function readTeamAssignments(
  db: Db,
  teamId: string,
  now: Date,
  assignmentId?: string,
): Promise<TeamAssignment[]> {
  const [assignments, members] = await Promise.all([
    db.assignment.findMany({
      where: { teamId, deletedAt: null, ...(assignmentId ? { id: assignmentId } : {}) },
      select: {
        ...ASSIGNMENT_COLUMNS,
        extensions: { select: { userId: true, dueAt: true } },
        completions: { select: { userId: true, completedAt: true } },
      },
    }),
    db.teamMembership.findMany({
      where: { teamId, role: "MEMBER" },
      select: { user: { select: { id: true, name: true, email: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
  const userIds = members.map((m) => m.user.id);
  const slugs = [...new Set(assignments.flatMap((a) => a.notes.map((n) => n.noteSlug)))];
  const [progress, attempts] = await Promise.all([
    db.noteProgress.findMany({
      where: { userId: { in: userIds }, noteSlug: { in: slugs } },
      select: { userId: true, noteSlug: true, level: true, attempts: true },
    }),
    db.attempt.findMany({
      where: { assignmentId: { in: assignments.map((a) => a.id) }, userId: { in: userIds } },
      select: { assignmentId: true, userId: true, status: true, correct: true, total: true },
    }),
  ]);
  const progressOf = new Map<string, Map<string, { level: number; attempts: number }>>();
  for (const row of progress) {
    const mine = progressOf.get(row.userId) ?? new Map();
    mine.set(row.noteSlug, row);
    progressOf.set(row.userId, mine);
  }

  const rows = assignments.map((assignment): TeamAssignment => {
    const noteSlugs = assignment.notes.map((n) => n.noteSlug);
    const counts: Record<AssignmentStatus, number> = {
      not_started: 0,
      in_progress: 0,
      done: 0,
      overdue: 0,
    };
    const learners = members.map(({ user }) => {
      const mine =
        progressOf.get(user.id) ?? new Map<string, { level: number; attempts: number }>();
      const extension = assignment.extensions.find((e) => e.userId === user.id);
      const completion = assignment.completions.find((c) => c.userId === user.id);
      const taken = attempts.filter(
        (a) => a.assignmentId === assignment.id && a.userId === user.id,
      );
      const dueAt = effectiveDueAt(assignment.dueAt, extension?.dueAt);
      const status = assignmentStatus(
        learnerWork({
          kind: assignment.kind,
          targetLevel: assignment.targetLevel,
          noteSlugs,
          completed: completion !== undefined,
          levels: new Map([...mine].map(([slug, p]) => [slug, p.level])),
          attemptsStarted: taken.length,
        }),
        dueAt,
        now,
      );
      counts[status] += 1;
      const scores = taken
        .filter((a) => a.status === "SUBMITTED" && a.correct !== null)
        .map((a) => scorePercent({ correct: a.correct ?? 0, total: a.total }));
      return {
        userId: user.id,
        name: user.name,
        email: user.email,
        status,
        dueAt: dueAt.toISOString(),
        extended: extension !== undefined,
        completedAt: completion?.completedAt.toISOString() ?? null,
        attempts:
          assignment.kind === "PRACTICE"
            ? taken.length
            : noteSlugs.reduce((sum, slug) => sum + (mine.get(slug)?.attempts ?? 0), 0),
        bestScore: scores.length > 0 ? Math.max(...scores) : null,
      };
    });
    return {
      id: assignment.id,
      teamId: assignment.teamId,
      kind: KIND_NAMES[assignment.kind],
      title: assignment.title,
      noteSlugs,
      targetMastery: targetMasteryOf(assignment.targetLevel),
      size: assignment.size,
      timeLimitMinutes: assignment.timeLimitMinutes,
      attemptsAllowed: assignment.attemptsAllowed,
      reviewAnswers: REVIEW_NAMES[assignment.reviewAnswers],
      opensAt: assignment.opensAt?.toISOString() ?? null,
      dueAt: assignment.dueAt.toISOString(),
      createdAt: assignment.createdAt.toISOString(),
      counts,
      learners,
    };
  });
  const opened = (a: TeamAssignment) => isOpen(a.opensAt ? new Date(a.opensAt) : null, now);
  return [
    ...rows.filter(opened).sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    ...rows
      .filter((a) => !opened(a))
      .sort((a, b) => (a.opensAt ?? "").localeCompare(b.opensAt ?? "")),
  ];
}

/** `GET /api/teams/<id>/assignments`: for the team's instructors and admins. */
export async function listTeamAssignments(
  db: Db,
  actor: CurrentUser,
  teamId: string,
  now: Date,
): Promise<TeamAssignment[]> {
  await requireTeamManager(db, actor, teamId);
  return readTeamAssignments(db, teamId, now);
}

/**
 * The open, non-deleted assignments of the teams the learner is a member of (all, or the one asked
 * for), with what the learner has done on each.
 */
export async function readMyAssignments(db: Db, userId: string, now: Date, assignmentId?: string) {
  const assignments = await db.assignment.findMany({
    where: {
      deletedAt: null,
      team: { memberships: { some: { userId, role: "MEMBER" } } },
      ...openNow(now),
      ...(assignmentId ? { id: assignmentId } : {}),
    },
    select: {
      ...ASSIGNMENT_COLUMNS,
      team: { select: { name: true } },
      extensions: { where: { userId }, select: { dueAt: true } },
      completions: { where: { userId }, select: { completedAt: true } },
      attempts: {
        where: { userId },
        select: {
          id: true,
          status: true,
          correct: true,
          total: true,
          createdAt: true,
          submittedAt: true,
        },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  // Mastery, and a notes assignment finished by it, as the learner may see them: a practice test
  // whose answers are withheld moves neither yet, since either would tell how its notes went.
  const withheld = await readWithheldAnswers(db, userId, now);
  const levels = await levelsAsShown(
    db,
    userId,
    withheld,
    new Map(
      (
        await db.noteProgress.findMany({
          where: {
            userId,
            noteSlug: {
              in: [...new Set(assignments.flatMap((a) => a.notes.map((n) => n.noteSlug)))],
            },
          },
          select: { noteSlug: true, level: true },
        })
      ).map((row) => [row.noteSlug, row.level]),
    ),
  );
  return assignments.map((assignment) => {
    const noteSlugs = assignment.notes.map((n) => n.noteSlug);
    const extension = assignment.extensions[0];
    const dueAt = effectiveDueAt(assignment.dueAt, extension?.dueAt);
    const completed = assignment.completions.some(
      (c) =>
        assignment.kind === "PRACTICE" || !causedByWithheld(withheld, noteSlugs, c.completedAt),
    );
    const status = assignmentStatus(
      learnerWork({
        kind: assignment.kind,
        targetLevel: assignment.targetLevel,
        noteSlugs,
        completed,
        levels,
        attemptsStarted: assignment.attempts.length,
      }),
      dueAt,
      now,
    );
    const mine: MyAssignment = {
      id: assignment.id,
      teamId: assignment.teamId,
      kind: KIND_NAMES[assignment.kind],
      title: assignment.title,
      dueAt: dueAt.toISOString(),
      status,
      href: hrefOf(assignment, noteSlugs, levels),
      extended: extension !== undefined,
    };
    return { mine, assignment, noteSlugs, levels };
  });
}

/** `GET /api/me/assignments`: overdue work first, then by the learner's due date. */
export async function listMyAssignments(
  db: Db,
  userId: string,
  now: Date,
): Promise<MyAssignment[]> {
  const rows = (await readMyAssignments(db, userId, now)).map((row) => row.mine);
  const overdueFirst = (a: MyAssignment) => (a.status === "overdue" ? 0 : 1);
  return rows.sort((a, b) => overdueFirst(a) - overdueFirst(b) || a.dueAt.localeCompare(b.dueAt));
}
