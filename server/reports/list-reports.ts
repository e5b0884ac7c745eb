import "server-only";
import type { Prisma } from "@/generated/sqlite/client";
import { lessonHref } from "@/lib/content/slug";
import { parseItemSpec } from "@/lib/content/item-spec";
import type { ItemReportView, ReportReasonName } from "@/lib/contracts/reports";
import type { CurrentUser } from "@/lib/contracts/session";
import { itemLabel } from "@/lib/teams/item-analysis";
import type { Db } from "@/server/db/client";
import { forbidden } from "@/server/http/errors";
import { requireTeamManager } from "@/server/teams/access";

/**
 * Resolved reports listed below the open ones, newest first. Open reports are the instructor's
 * to-do list and are all shown; resolved ones are history, so the list stops at this many.
 */
export const RESOLVED_SHOWN = 50;

export const REPORT_SELECT = {
  id: true,
  itemId: true,
  reason: true,
  comment: true,
  createdAt: true,
  resolvedAt: true,
  resolution: true,
  resolvedById: true,
  user: { select: { id: true, name: true } },
  item: { select: { noteSlug: true, prompt: true, spec: true, anchor: true } },
} satisfies Prisma.ItemReportSelect;

type ReportRow = Prisma.ItemReportGetPayload<{ select: typeof REPORT_SELECT }>;

/** Reports as the API shows them, with the name of whoever resolved each. */
export async function toReportViews(db: Db, rows: ReportRow[]): Promise<ItemReportView[]> {
  const resolverIds = [...new Set(rows.flatMap((r) => (r.resolvedById ? [r.resolvedById] : [])))];
  const resolvers = new Map(
    (
      await db.user.findMany({
        where: { id: { in: resolverIds } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u]),
  );
  return rows.map((r) => ({
    id: r.id,
    itemId: r.itemId,
    noteSlug: r.item.noteSlug,
    label: itemLabel(r.item.prompt, parseItemSpec(r.item.spec)),
    lessonHref: lessonHref(r.item.noteSlug, r.item.anchor),
    reason: r.reason.toLowerCase() as ReportReasonName,
    comment: r.comment,
    createdAt: r.createdAt.toISOString(),
    reporter: r.user,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    resolution: r.resolution,
    resolvedBy: r.resolvedById ? (resolvers.get(r.resolvedById) ?? null) : null,
  }));
}

/** Open reports first (newest first), then the newest RESOLVED_SHOWN resolved ones. */
async function readReports(db: Db, where: Prisma.ItemReportWhereInput) {
  const [open, resolved] = await Promise.all([
    db.itemReport.findMany({
      where: { ...where, resolvedAt: null },
      select: REPORT_SELECT,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    }),
    db.itemReport.findMany({
      where: { ...where, resolvedAt: { not: null } },
      select: REPORT_SELECT,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: RESOLVED_SHOWN,
    }),
  ]);
  return toReportViews(db, [...open, ...resolved]);
}

/**
 * The reports a team's instructors see: those by the team's current members. A report reaches the
 * instructors of every team its reporter belongs to, since any of them may teach that item.
 */
export async function listTeamReports(
  db: Db,
  actor: CurrentUser,
  teamId: string,
): Promise<ItemReportView[]> {
  await requireTeamManager(db, actor, teamId);
  return readReports(db, { user: { memberships: { some: { teamId, role: "MEMBER" } } } });
}

/** Every report, for admins: reports by people in no team reach someone too. */
export async function listAllReports(db: Db, actor: CurrentUser): Promise<ItemReportView[]> {
  if (actor.role !== "ADMIN") throw forbidden("Only admins can see every report.");
  return readReports(db, {});
}
