import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { DataTable } from "@/components/ui/data-table";
import { Icon } from "@/components/ui/icons";
import type { ActionState } from "@/lib/contracts/action-state";
import {
  ASSIGNMENT_STATUSES,
  type AssignmentStatus,
  type TeamAssignment,
} from "@/lib/contracts/assignments";
import { REVIEW_LABELS, STATUS_LABELS } from "@/lib/assignments/assignment-form";
import { targetLabel } from "@/lib/assignments/status";
import { AssignForm, type AssignableLesson } from "./assign-form";
import { AssignmentStatusBadge } from "./assignment-status";
import { EditAssignment } from "./edit-assignment";
import { ExtensionControl } from "./extension-control";
import { LocalTime } from "@/components/ui/local-time";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export interface AssignmentActions {
  create: Action;
  update: Action;
  remove: Action;
  extend: Action;
  withdraw: Action;
}

/** The order of the completion bar and its counts: finished work first, then what is late. */
const BAR_ORDER: AssignmentStatus[] = ["done", "in_progress", "not_started", "overdue"];

function describeSettings(assignment: TeamAssignment, titles: Map<string, string>): string {
  const lessons = assignment.noteSlugs.map((slug) => titles.get(slug) ?? slug).join(", ");
  if (assignment.kind === "notes")
    return `Lessons to master: ${lessons} · target ${
      assignment.targetMastery ? targetLabel(assignment.targetMastery) : "none"
    }`;
  const attempts = assignment.attemptsAllowed ?? 1;
  return [
    `Practice test: ${assignment.size} questions from ${lessons}`,
    assignment.timeLimitMinutes
      ? `time limit ${assignment.timeLimitMinutes}\u00a0minutes`
      : "no time limit",
    `${attempts} attempt${attempts === 1 ? "" : "s"}`,
    `answers shown ${REVIEW_LABELS[assignment.reviewAnswers]}`,
  ].join(" · ");
}

/**
 * The team dashboard's Assignments section: each assignment with its completion, who is overdue,
 * and each learner's status, due date and extension; then the form to assign more work.
 */
export function TeamAssignments({
  teamId,
  assignments,
  lessons,
  actions,
}: {
  teamId: string;
  assignments: TeamAssignment[];
  lessons: AssignableLesson[];
  actions: AssignmentActions;
}) {
  const titles = new Map(lessons.map((l) => [l.slug, l.title]));
  return (
    <section aria-labelledby="assignments-heading" className="assignments-section">
      <h2 id="assignments-heading">Assignments</h2>
      {assignments.length === 0 ? (
        <p>Nothing assigned yet. Assign lessons to master or a practice test below.</p>
      ) : (
        <ul className="assignment-list">
          {assignments.map((assignment) => (
            <li key={assignment.id}>
              <AssignmentCard
                assignment={assignment}
                settings={describeSettings(assignment, titles)}
                actions={actions}
              />
            </li>
          ))}
        </ul>
      )}
      <AssignForm
        teamId={teamId}
        lessons={lessons}
        action={actions.create}
        startOpen={assignments.length === 0}
      />
    </section>
  );
}

function AssignmentCard({
  assignment,
  settings,
  actions,
}: {
  assignment: TeamAssignment;
  settings: string;
  actions: AssignmentActions;
}) {
  const { counts, learners } = assignment;
  const total = ASSIGNMENT_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  const overdue = learners.filter((l) => l.status === "overdue");
  const headingId = `assignment-${assignment.id}`;
  return (
    <article className="assignment-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{assignment.title}</h3>
      <p className="assignment-settings">{settings}</p>
      <p className="assignment-dates">
        Due <LocalTime iso={assignment.dueAt} />
        {assignment.opensAt ? (
          <>
            {" "}
            · opens <LocalTime iso={assignment.opensAt} />
          </>
        ) : null}
      </p>

      <ul className="assignment-counts" aria-label={`Completion of ${assignment.title}`}>
        {BAR_ORDER.map((status) => (
          <li key={status} className={`assignment-count count-${status.replace("_", "-")}`}>
            <AssignmentStatusBadge status={status} /> <strong>{counts[status]}</strong>
          </li>
        ))}
      </ul>
      {/* The counts above say it in words; the bar shows the same shares at a glance. */}
      <div className="completion-bar" aria-hidden="true">
        {total > 0
          ? BAR_ORDER.filter((status) => counts[status] > 0).map((status) => (
              <span
                key={status}
                className={`completion-${status.replace("_", "-")}`}
                style={{ width: `${(100 * counts[status]) / total}%` }}
                title={`${STATUS_LABELS[status]}: ${counts[status]}`}
              />
            ))
          : null}
      </div>

      {overdue.length === 0 ? (
        <p>No one is overdue.</p>
      ) : (
        <div className="assignment-overdue-list">
          <Icon name="flag" /> Overdue:
          <ul aria-label={`Overdue on ${assignment.title}`}>
            {overdue.map((learner) => (
              <li key={learner.userId}>
                <Link href={`/teams/${assignment.teamId}/learners/${learner.userId}`}>
                  {learner.name}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}

      <details className="assignment-learners">
        <summary>
          Learners and extensions ({learners.length})
          <span className="visually-hidden">: {assignment.title}</span>
        </summary>
        {learners.length === 0 ? (
          <p>No learners yet.</p>
        ) : (
          <DataTable
            layout="cards"
            label={`Learners of ${assignment.title}`}
            columns={["Learner", "Status", "Due", "Extension"]}
          >
            {learners.map((learner) => (
              <tr key={learner.userId}>
                <th scope="row">
                  <Link href={`/teams/${assignment.teamId}/learners/${learner.userId}`}>
                    {learner.name}
                  </Link>
                </th>
                <td>
                  <AssignmentStatusBadge status={learner.status} />
                </td>
                <td>
                  <LocalTime iso={learner.dueAt} />
                  {learner.extended ? <span className="grid-sub">extended</span> : null}
                </td>
                <td>
                  <ExtensionControl
                    teamId={assignment.teamId}
                    assignmentId={assignment.id}
                    learner={learner}
                    extended={learner.extended}
                    extend={actions.extend}
                    withdraw={actions.withdraw}
                  />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </details>

      <div className="assignment-tools">
        <a
          href={`/api/teams/${assignment.teamId}/assignments/${assignment.id}/export.csv`}
          download
        >
          <Icon name="download" /> Export CSV
          <span className="visually-hidden"> of {assignment.title}</span>
        </a>
        <EditAssignment assignment={assignment} action={actions.update} />
        <ActionForm
          className="inline-form"
          action={actions.remove}
          submitLabel="Delete this assignment"
          pendingLabel="Deleting…"
          variant="danger"
          confirm={`Delete “${assignment.title}”? The learners' attempts stay in their history.`}
        >
          <input type="hidden" name="teamId" value={assignment.teamId} />
          <input type="hidden" name="assignmentId" value={assignment.id} />
        </ActionForm>
      </div>
    </article>
  );
}
