import Link from "next/link";
import type { MyAssignment } from "@/lib/contracts/assignments";
import { AssignmentStatusBadge } from "./assignment-status";
import { LocalTime } from "@/components/ui/local-time";

/**
 * "Assigned to you", on the home page and on /progress: each assignment with its team, the learner's
 * own due date in their time zone, its status in words, and a link straight into the work.
 */
export function MyAssignments({
  assignments,
  teamNames,
}: {
  assignments: MyAssignment[];
  teamNames: Map<string, string>;
}) {
  return (
    <section aria-labelledby="assigned-heading" className="my-assignments">
      <h2 id="assigned-heading">Assigned to you</h2>
      {assignments.length === 0 ? (
        <p>Nothing is assigned to you. Your instructors&apos; assignments show here.</p>
      ) : (
        <ul>
          {assignments.map((assignment) => (
            <li
              key={assignment.id}
              className={`my-assignment my-assignment-${assignment.status.replace("_", "-")}`}
            >
              <AssignmentStatusBadge status={assignment.status} />
              <div className="my-assignment-body">
                <Link href={assignment.href} className="my-assignment-title">
                  {assignment.title}
                </Link>
                <p className="my-assignment-meta">
                  {teamNames.get(assignment.teamId) ?? "Your team"} ·{" "}
                  {assignment.status === "done" ? "was due" : "due"}{" "}
                  <LocalTime iso={assignment.dueAt} />
                  {assignment.extended ? " (your extension)" : ""} ·{" "}
                  <Link href={`/assignments/${assignment.id}`}>
                    Details<span className="visually-hidden"> of {assignment.title}</span>
                  </Link>
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
