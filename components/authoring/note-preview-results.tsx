import type { ReactNode, Ref } from "react";
import { DataTable } from "@/components/ui/data-table";
import { OwnerSource } from "@/components/lesson/owner-source";
import { OwnerBadge } from "@/components/ui/owner-badge";
import type { NotePreviewReport } from "@/lib/contracts/authoring";
import { KIND_LABELS } from "@/lib/teams/item-analysis";
import { plural } from "@/lib/plural";

/** One line that sums a preview up: what the status region announces and the results open with. */
export function previewSummary(report: NotePreviewReport): string {
  const errors = report.problems.filter((p) => p.severity === "error").length;
  const warnings = report.problems.length - errors;
  return `${plural(report.items.length, "quiz item")}, ${plural(errors, "error")}, ${plural(warnings, "warning")}.`;
}

/**
 * A preview's results: the lesson as learners would read it, the quiz items with the heading and
 * rule each owner came from, and every error and warning by line, with a summary and links to
 * each part first, since a long lesson pushes the tables far down.
 */
export function NotePreviewResults({
  report,
  lesson,
  headingRef,
}: {
  report: NotePreviewReport;
  lesson: ReactNode;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  return (
    <section className="preview-results" aria-labelledby="preview-results-heading">
      <h2 id="preview-results-heading" ref={headingRef} tabIndex={-1}>
        Preview of “{report.title}”
      </h2>
      <p>
        From <code>{report.file}</code>
        {report.replaces ? (
          <>
            , in place of the lesson of the same file name (<code>{report.replaces}</code>)
          </>
        ) : null}
        : {previewSummary(report)} Nothing was saved.
      </p>
      {report.leftOut ? (
        <p className="form-error">
          This note has errors: the build would leave it out of the lessons and quizzes until they
          are fixed.
        </p>
      ) : null}
      <nav aria-label="Preview parts" className="preview-parts">
        <ul>
          <li>
            <a href="#preview-lesson">Lesson</a>
          </li>
          <li>
            <a href="#preview-items-heading">Quiz items ({report.items.length})</a>
          </li>
          <li>
            <a href="#preview-problems-heading">Errors and warnings ({report.problems.length})</a>
          </li>
        </ul>
      </nav>
      <section id="preview-lesson" className="preview-lesson" aria-label="Lesson preview">
        {lesson ?? (
          <p className="form-error">The lesson cannot be shown: the errors below say why.</p>
        )}
      </section>
      <section aria-labelledby="preview-items-heading">
        <h2 id="preview-items-heading">Quiz items ({report.items.length})</h2>
        {report.items.length > 0 ? (
          <DataTable
            columns={["Item", "Owner", "Kind", "Line", "Owner from"]}
            layout="cards"
            label="Quiz items"
          >
            {report.items.map((item, i) => (
              <tr key={`${i}:${item.label}`}>
                <td data-label="Item">
                  {item.serviceModel ? `${item.serviceModel}: ` : null}
                  {item.label}
                </td>
                <td data-label="Owner">
                  <OwnerBadge owner={item.owner} />
                </td>
                <td data-label="Kind">{KIND_LABELS[item.kind]}</td>
                <td data-label="Line">{item.line}</td>
                <td data-label="Owner from">
                  <OwnerSource source={item.source} />
                </td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p>
            None: no heading in this note names an owner, so its quiz would ask nothing. See “How
            notes become lessons” in the README for the headings that do.
          </p>
        )}
      </section>
      <section aria-labelledby="preview-problems-heading">
        <h2 id="preview-problems-heading">Errors and warnings ({report.problems.length})</h2>
        {report.problems.length > 0 ? (
          <DataTable
            columns={["Line", "Severity", "Problem"]}
            layout="cards"
            label="Errors and warnings"
          >
            {report.problems.map((problem, i) => (
              <tr key={i} className={`problem-${problem.severity}`}>
                <td data-label="Line">
                  {problem.file === report.file ? (
                    problem.line
                  ) : (
                    <>
                      <code>{problem.file}</code>:{problem.line}
                    </>
                  )}
                </td>
                <td data-label="Severity">
                  <span className={`severity severity-${problem.severity}`}>
                    {problem.severity === "error" ? "Error" : "Warning"}
                  </span>
                  {problem.strictInCurated ? (
                    <span className="quiz-items-line"> (an error in the shipped content)</span>
                  ) : null}
                </td>
                <td data-label="Problem">{problem.message}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p>None: the build would take this note as it is.</p>
        )}
      </section>
    </section>
  );
}
