/** The JSON shapes of item reports (issue 16). */

export const REPORT_REASONS = ["wrong_owner", "unclear", "other"] as const;
export type ReportReasonName = (typeof REPORT_REASONS)[number];

export const REPORT_REASON_LABELS: Record<ReportReasonName, string> = {
  wrong_owner: "The owner is wrong",
  unclear: "It is unclear",
  other: "Something else",
};

/** `GET /api/teams/<id>/reports`: reports by the team's learners, open ones first. */
export interface ItemReportView {
  id: string;
  itemId: string;
  noteSlug: string;
  /** The item as a table names it (itemLabel in lib/teams/item-analysis.ts). */
  label: string;
  /** The lesson section the item comes from: where to check the report against the text. */
  lessonHref: string;
  reason: ReportReasonName;
  comment: string | null;
  createdAt: string;
  reporter: { id: string; name: string } | null;
  resolvedAt: string | null;
  resolution: string | null;
  resolvedBy: { id: string; name: string } | null;
}
