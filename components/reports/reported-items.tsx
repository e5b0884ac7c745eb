import Link from "next/link";
import { formatDate, formatDateTime } from "@/components/dashboard/format";
import { ActionForm } from "@/components/ui/action-form";
import { Icon } from "@/components/ui/icons";
import { REPORT_REASON_LABELS, type ItemReportView } from "@/lib/contracts/reports";
import type { CurrentUser } from "@/lib/contracts/session";
import { resolveReportAction } from "@/app/reports/actions";
import { getDb } from "@/server/db/client";
import { listTeamReports } from "@/server/reports/list-reports";

/** Who reported the item and when, for a form's accessible name. */
function reportedBy(report: ItemReportView): string {
  return `${report.reporter?.name ?? "a deleted account"} on ${formatDate(report.createdAt)}`;
}

/** The reason, the comment and who sent it. */
function ReportBody({ report }: { report: ItemReportView }) {
  return (
    <>
      <p>
        <strong>{REPORT_REASON_LABELS[report.reason]}</strong>
        {report.comment ? (
          <>
            : <q>{report.comment}</q>
          </>
        ) : null}
      </p>
      <p className="report-meta">
        Reported by {report.reporter?.name ?? "a deleted account"},{" "}
        <time dateTime={report.createdAt}>{formatDateTime(report.createdAt)}</time>
      </p>
    </>
  );
}

/**
 * One report. Its form keeps its place whether the report is open or resolved, so that the
 * outcome it announces stays on screen when the report changes state under it.
 */
function ReportEntry({ report, titles }: { report: ItemReportView; titles: Map<string, string> }) {
  const headingId = `report-${report.id}`;
  const resolved = report.resolvedAt !== null;
  return (
    <li className={`report${resolved ? " is-resolved" : ""}`} aria-labelledby={headingId}>
      <p className="report-head" id={headingId}>
        <Link href={report.lessonHref}>{report.label}</Link>
        <span className="grid-sub">{titles.get(report.noteSlug) ?? report.noteSlug}</span>
      </p>
      {report.resolvedAt ? (
        <details>
          <summary>
            <Icon name="check" /> Resolved by {report.resolvedBy?.name ?? "a deleted account"},{" "}
            <time dateTime={report.resolvedAt}>{formatDateTime(report.resolvedAt)}</time>
          </summary>
          <p className="report-resolution">Note: {report.resolution}</p>
          <ReportBody report={report} />
        </details>
      ) : (
        <div>
          <ReportBody report={report} />
        </div>
      )}
      <ActionForm
        action={resolveReportAction}
        submitLabel={resolved ? "Reopen" : "Resolve"}
        className={resolved ? "inline-form" : "form report-form"}
      >
        <input type="hidden" name="reportId" value={report.id} />
        <input type="hidden" name="resolved" value={resolved ? "false" : "true"} />
        {resolved ? null : (
          <div className="field">
            <label htmlFor={`resolution-${report.id}`}>
              Resolution note
              <span className="visually-hidden">
                {" "}
                for {report.label}, reported by {reportedBy(report)}
              </span>
            </label>
            <textarea id={`resolution-${report.id}`} name="resolution" rows={2} maxLength={1000} />
          </div>
        )}
      </ActionForm>
    </li>
  );
}

/**
 * Reports about items, open ones first, each with a form to resolve it with a note; resolved ones
 * below, folded to who resolved them and when, the note and the report a click away, and a way to
 * reopen them.
 */
export function ReportedItems({
  reports,
  titles,
}: {
  reports: ItemReportView[];
  /** Lesson titles by slug. */
  titles: Map<string, string>;
}) {
  const open = reports.filter((r) => r.resolvedAt === null).length;
  return (
    <>
      <p>
        {open} open, {reports.length - open} resolved.
      </p>
      {reports.length > 0 ? (
        <ol className="reports" aria-label="Item reports">
          {reports.map((r) => (
            <ReportEntry key={r.id} report={r} titles={titles} />
          ))}
        </ol>
      ) : null}
    </>
  );
}

/** The team dashboard's "Reported items": what the team's learners reported, to resolve. */
export async function TeamReportsSection({
  user,
  teamId,
  titles,
}: {
  user: CurrentUser;
  teamId: string;
  titles: Map<string, string>;
}) {
  const reports = await listTeamReports(getDb(), user, teamId);
  return (
    <section aria-labelledby="reports-heading">
      <h2 id="reports-heading">Reported items</h2>
      <p className="section-lead">
        Problems the team&apos;s learners reported with an item: check it against the lesson, then
        resolve the report with a note on what you did.
      </p>
      <ReportedItems reports={reports} titles={titles} />
    </section>
  );
}
