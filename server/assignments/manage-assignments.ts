import "server-only";
import { assignmentTitle, targetLevelOf, targetMasteryOf } from "@/lib/assignments/status";
import type {
  CreatedId,
  ExtensionGranted,
  ReviewAnswersName,
  TeamAssignment,
} from "@/lib/contracts/assignments";
import type { CurrentUser } from "@/lib/contracts/session";
import type { CreateAssignment, UpdateAssignment } from "@/lib/validation/assignments";
import { recordAudit, type AuditContext } from "@/server/audit/record-audit";
import type { Db } from "@/server/db/client";
import { HttpError, notFound } from "@/server/http/errors";
import { requireTeamManager } from "@/server/teams/access";
import { readTeamAssignments } from "./list-assignments";
import { transaction } from "@/server/db/transaction";

const REVIEW_VALUES: Record<ReviewAnswersName, "IMMEDIATELY" | "AFTER_DUE" | "NEVER"> = {
  immediately: "IMMEDIATELY",
  after_due: "AFTER_DUE",
  never: "NEVER",
};

function invalid(field: string, message: string): HttpError {
  return new HttpError(422, "validation_failed", "Some fields are not valid.", {
    [field]: [message],
  });
}

/** The lessons' titles by slug, retired ones included. */
async function readNotes(db: Db, slugs: readonly string[]) {
  const notes = await db.note.findMany({
    where: { slug: { in: [...slugs] } },
    select: { slug: true, title: true, retiredAt: true },
  });
  return new Map(notes.map((n) => [n.slug, n]));
}

/** The titles of the lessons to assign, in order; an unknown or retired one is a 422 on noteSlugs. */
async function readAssignableTitles(db: Db, slugs: readonly string[]): Promise<string[]> {
  const notes = await readNotes(db, slugs);
  const missing = slugs.filter((slug) => !notes.get(slug) || notes.get(slug)?.retiredAt);
  if (missing.length > 0)
    throw new HttpError(422, "validation_failed", "Some lessons do not exist.", {
      noteSlugs: missing.map((slug) => `There is no lesson ${slug}`),
    });
  return slugs.map((slug) => notes.get(slug)?.title ?? slug);
}

const noteRows = (slugs: readonly string[]) =>
  slugs.map((noteSlug, position) => ({ noteSlug, position }));

/** `POST /api/teams/<id>/assignments`: sets the team notes to master or a practice test. */
export async function createAssignment(
  db: Db,
  actor: CurrentUser,
  teamId: string,
  input: CreateAssignment,
  { address }: AuditContext = { address: null },
): Promise<CreatedId> {
  await requireTeamManager(db, actor, teamId);
  const titles = await readAssignableTitles(db, input.noteSlugs);
  const common = {
    teamId,
    title: input.title ?? assignmentTitle(input, titles),
    opensAt: input.opensAt ?? null,
    dueAt: input.dueAt,
    createdById: actor.id,
    notes: { createMany: { data: noteRows(input.noteSlugs) } },
  };
  const data =
    input.kind === "notes"
      ? { ...common, kind: "NOTES" as const, targetLevel: targetLevelOf(input.targetMastery) }
      : {
          ...common,
          kind: "PRACTICE" as const,
          size: input.size,
          timeLimitMinutes: input.timeLimitMinutes ?? null,
          attemptsAllowed: input.attemptsAllowed,
          ...(input.reviewAnswers ? { reviewAnswers: REVIEW_VALUES[input.reviewAnswers] } : {}),
        };
  return transaction(db, async (tx) => {
    const { id } = await tx.assignment.create({ data, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "assignment.create",
      targetType: "assignment",
      targetId: id,
      address,
      details: { teamId, kind: data.kind, notes: input.noteSlugs.length, dueAt: input.dueAt },
    });
    return { id };
  });
}

/** An assignment of this team that has not been deleted, or a 404. */
async function findTeamAssignment(db: Db, teamId: string, assignmentId: string) {
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, teamId, deletedAt: null },
    select: {
      id: true,
      kind: true,
      title: true,
      targetLevel: true,
      size: true,
      opensAt: true,
      dueAt: true,
      notes: { select: { noteSlug: true }, orderBy: { position: "asc" } },
    },
  });
  if (!assignment) throw notFound("Assignment");
  return assignment;
}

const PRACTICE_ONLY = ["reviewAnswers", "size", "timeLimitMinutes", "attemptsAllowed"] as const;
const NOTES_ONLY = ["targetMastery"] as const;

/**
 * `PATCH /api/teams/<id>/assignments/<aid>`. Completions, extensions and attempts are kept: editing
 * never loses a learner's work, and lowering the attempts allowed below those used only stops new
 * starts.
 */
export async function updateAssignment(
  db: Db,
  actor: CurrentUser,
  teamId: string,
  assignmentId: string,
  input: UpdateAssignment,
  now: Date,
  { address }: AuditContext = { address: null },
): Promise<TeamAssignment> {
  await requireTeamManager(db, actor, teamId);
  const existing = await findTeamAssignment(db, teamId, assignmentId);
  const otherKind = existing.kind === "NOTES" ? PRACTICE_ONLY : NOTES_ONLY;
  for (const field of otherKind) {
    if (input[field] !== undefined)
      throw invalid(
        field,
        `A ${existing.kind === "NOTES" ? "notes" : "practice"} assignment has no ${field}`,
      );
  }
  const opensAt = input.opensAt === undefined ? existing.opensAt : input.opensAt;
  const dueAt = input.dueAt ?? existing.dueAt;
  if (opensAt && opensAt >= dueAt) throw invalid("opensAt", "It must open before it is due");

  // A title the server made follows the notes, target and size; one the instructor gave is kept.
  const existingSlugs = existing.notes.map((n) => n.noteSlug);
  const existingNotes = await readNotes(db, existingSlugs);
  const existingTitles = existingSlugs.map((slug) => existingNotes.get(slug)?.title ?? slug);
  const titles = input.noteSlugs ? await readAssignableTitles(db, input.noteSlugs) : existingTitles;
  const shapeOf = (target: number | null, size: number | null) =>
    existing.kind === "NOTES"
      ? { kind: "notes" as const, targetMastery: targetMasteryOf(target) ?? "PROFICIENT" }
      : { kind: "practice" as const, size: size ?? 0 };
  const madeTitle = assignmentTitle(shapeOf(existing.targetLevel, existing.size), existingTitles);
  const targetLevel = input.targetMastery
    ? targetLevelOf(input.targetMastery)
    : existing.targetLevel;
  const size = input.size ?? existing.size;
  const title =
    input.title ??
    (existing.title === madeTitle
      ? assignmentTitle(shapeOf(targetLevel, size), titles)
      : existing.title);

  await transaction(db, async (tx) => {
    await tx.assignment.update({
      where: { id: assignmentId },
      data: {
        title,
        opensAt,
        dueAt,
        ...(input.targetMastery ? { targetLevel } : {}),
        ...(input.size !== undefined ? { size } : {}),
        ...(input.timeLimitMinutes !== undefined
          ? { timeLimitMinutes: input.timeLimitMinutes }
          : {}),
        ...(input.attemptsAllowed !== undefined ? { attemptsAllowed: input.attemptsAllowed } : {}),
        ...(input.reviewAnswers ? { reviewAnswers: REVIEW_VALUES[input.reviewAnswers] } : {}),
      },
    });
    if (input.noteSlugs) {
      await tx.assignmentNote.deleteMany({ where: { assignmentId } });
      await tx.assignmentNote.createMany({
        data: noteRows(input.noteSlugs).map((row) => ({ ...row, assignmentId })),
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "assignment.update",
      targetType: "assignment",
      targetId: assignmentId,
      address,
      // Which fields changed, not their contents: a title is the instructor's words.
      details: { teamId, fields: Object.keys(input).sort() },
    });
  });
  const [updated] = await readTeamAssignments(db, teamId, now, assignmentId);
  return updated;
}

/**
 * `DELETE /api/teams/<id>/assignments/<aid>`: hides it from every list. Only `deletedAt` is set, so
 * the attempts taken for it stay in the learners' history.
 */
export async function deleteAssignment(
  db: Db,
  actor: CurrentUser,
  teamId: string,
  assignmentId: string,
  { address }: AuditContext = { address: null },
): Promise<void> {
  await requireTeamManager(db, actor, teamId);
  await transaction(db, async (tx) => {
    const { count } = await tx.assignment.updateMany({
      where: { id: assignmentId, teamId, deletedAt: null },
      data: { deletedAt: new Date() },
    });
    if (count === 0) throw notFound("Assignment");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "assignment.delete",
      targetType: "assignment",
      targetId: assignmentId,
      address,
      details: { teamId },
    });
  });
}

/** The assignment and the learner an extension is about: both of this team, else a 404. */
async function requireExtensionTarget(
  db: Db,
  actor: CurrentUser,
  teamId: string,
  assignmentId: string,
  userId: string,
) {
  await requireTeamManager(db, actor, teamId);
  await findTeamAssignment(db, teamId, assignmentId);
  const member = await db.teamMembership.findFirst({
    where: { teamId, userId, role: "MEMBER" },
    select: { userId: true },
  });
  if (!member) throw notFound("Member");
}

/** `PUT .../extensions/<userId>`: gives one learner their own due date, or moves it. */
export async function setExtension(
  db: Db,
  actor: CurrentUser,
  teamId: string,
  assignmentId: string,
  userId: string,
  dueAt: Date,
  { address }: AuditContext = { address: null },
): Promise<ExtensionGranted> {
  await requireExtensionTarget(db, actor, teamId, assignmentId, userId);
  await transaction(db, async (tx) => {
    await tx.assignmentExtension.upsert({
      where: { assignmentId_userId: { assignmentId, userId } },
      create: { assignmentId, userId, dueAt },
      update: { dueAt },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "assignment.extension.set",
      targetType: "assignment",
      targetId: assignmentId,
      address,
      details: { teamId, userId, dueAt },
    });
  });
  return { assignmentId, userId, dueAt: dueAt.toISOString() };
}

/** `DELETE .../extensions/<userId>`: the learner is due with the team again. */
export async function removeExtension(
  db: Db,
  actor: CurrentUser,
  teamId: string,
  assignmentId: string,
  userId: string,
  { address }: AuditContext = { address: null },
): Promise<void> {
  await requireExtensionTarget(db, actor, teamId, assignmentId, userId);
  await transaction(db, async (tx) => {
    const { count } = await tx.assignmentExtension.deleteMany({ where: { assignmentId, userId } });
    if (count === 0) throw notFound("Extension");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "assignment.extension.remove",
      targetType: "assignment",
      targetId: assignmentId,
      address,
      details: { teamId, userId },
    });
  });
}
