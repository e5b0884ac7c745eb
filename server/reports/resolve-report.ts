import "server-only";
import type { ItemReportView } from "@/lib/contracts/reports";
import type { CurrentUser } from "@/lib/contracts/session";
import type { ResolveReportInput } from "@/lib/validation/reports";
import { recordAudit } from "@/server/audit/record-audit";
import type { Db } from "@/server/db/client";
import { transaction } from "@/server/db/transaction";
import { forbidden, HttpError, notFound } from "@/server/http/errors";
import { REPORT_SELECT, toReportViews } from "./list-reports";

/**
 * Resolves a report with a note, or reopens it. Admins may handle any report; an instructor only
 * one whose reporter is a member of a team they instruct, the reports their dashboard shows.
 */
export async function resolveReport(
  db: Db,
  actor: CurrentUser,
  reportId: string,
  input: ResolveReportInput,
  { address = null, now = new Date() }: { address?: string | null; now?: Date } = {},
): Promise<ItemReportView> {
  const report = await db.itemReport.findUnique({
    where: { id: reportId },
    select: { userId: true },
  });
  if (!report) throw notFound("Report");
  if (actor.role !== "ADMIN") {
    const instructs =
      actor.role === "INSTRUCTOR" &&
      report.userId !== null &&
      (await db.teamMembership.count({
        where: {
          userId: report.userId,
          role: "MEMBER",
          team: { memberships: { some: { userId: actor.id, role: "INSTRUCTOR" } } },
        },
      })) > 0;
    if (!instructs)
      throw forbidden("Only admins and the instructors of the reporter's teams can do this.");
  }
  // Checked here rather than in the schema, so that someone with no say over the report gets 403.
  if (input.resolved && input.resolution === undefined)
    throw new HttpError(422, "validation_failed", "Some fields are not valid.", {
      resolution: ["Say what was done about the report"],
    });
  const updated = await transaction(db, async (tx) => {
    const row = await tx.itemReport.update({
      where: { id: reportId },
      data: input.resolved
        ? { resolvedAt: now, resolvedById: actor.id, resolution: input.resolution }
        : { resolvedAt: null, resolvedById: null, resolution: null },
      select: REPORT_SELECT,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.resolved ? "report.resolve" : "report.reopen",
      targetType: "report",
      targetId: reportId,
      address,
    });
    return row;
  });
  const [view] = await toReportViews(db, [updated]);
  return view;
}
