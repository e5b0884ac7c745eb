import "server-only";
import type { ReportReason } from "@/generated/sqlite/enums";
import type { ReportReasonName } from "@/lib/contracts/reports";
import type { CurrentUser } from "@/lib/contracts/session";
import type { CreateReportInput } from "@/lib/validation/reports";
import type { Db } from "@/server/db/client";
import { HttpError, notFound } from "@/server/http/errors";

const REASON_COLUMN: Record<ReportReasonName, ReportReason> = {
  wrong_owner: "WRONG_OWNER",
  unclear: "UNCLEAR",
  other: "OTHER",
};

/**
 * Records a learner's report about an item: the wording they saw in their attempt, or else the
 * current one. A retired item can no longer be reported. One open report per person and item: a
 * second one is refused, so that one learner cannot stack up an instructor's list.
 */
export async function createReport(
  db: Db,
  user: CurrentUser,
  itemId: string,
  input: CreateReportInput,
): Promise<{ id: string }> {
  const item = await db.item.findUnique({
    where: { id: itemId },
    select: { retiredAt: true, currentVersionId: true },
  });
  if (!item || item.retiredAt) throw notFound("Item");
  let itemVersionId = item.currentVersionId;
  if (input.attemptId !== undefined) {
    const answer = await db.answer.findUnique({
      where: { attemptId_itemId: { attemptId: input.attemptId, itemId } },
      select: { itemVersionId: true, attempt: { select: { userId: true } } },
    });
    // Another person's attempt does not exist, as far as this user is told.
    if (!answer || answer.attempt.userId !== user.id) throw notFound("Attempt");
    itemVersionId = answer.itemVersionId;
  }
  const open = await db.itemReport.findFirst({
    where: { itemId, userId: user.id, resolvedAt: null },
    select: { id: true },
  });
  if (open)
    throw new HttpError(
      409,
      "already_reported",
      "You have already reported this item; an instructor will look at your report.",
    );
  return db.itemReport.create({
    data: {
      itemId,
      itemVersionId,
      userId: user.id,
      reason: REASON_COLUMN[input.reason],
      comment: input.comment ?? null,
    },
    select: { id: true },
  });
}
