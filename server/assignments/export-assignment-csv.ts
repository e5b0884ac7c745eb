import "server-only";
import { toCsv } from "@/lib/csv";
import type { CurrentUser } from "@/lib/contracts/session";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/http/errors";
import { requireTeamManager } from "@/server/teams/access";
import { readTeamAssignments } from "./list-assignments";

export const ASSIGNMENT_CSV_HEADER = [
  "learner",
  "email",
  "status",
  "due_at",
  "extended",
  "completed_at",
  "attempts",
  "best_score",
];

/** Keeps a file name to letters, digits, dashes and underscores. */
const fileSafe = (text: string) => text.replace(/[^\w-]+/g, "-").replace(/^-|-$/g, "");

/**
 * `GET /api/teams/<id>/assignments/<aid>/export.csv`: one row per learner of the team, with their
 * own due date and status. Through lib/csv, so that a name cannot run as a spreadsheet formula.
 */
export async function exportAssignmentCsv(
  db: Db,
  actor: CurrentUser,
  teamId: string,
  assignmentId: string,
  now: Date,
) {
  const team = await requireTeamManager(db, actor, teamId);
  const [assignment] = await readTeamAssignments(db, teamId, now, assignmentId);
  if (!assignment) throw notFound("Assignment");
  const rows = assignment.learners.map((learner) => [
    learner.name,
    learner.email,
    learner.status,
    learner.dueAt,
    learner.extended ? "yes" : "no",
    learner.completedAt,
    learner.attempts,
    learner.bestScore,
  ]);
  return {
    filename: `${fileSafe(team.name) || "team"}-${fileSafe(assignment.title) || "assignment"}.csv`,
    body: toCsv(ASSIGNMENT_CSV_HEADER, rows),
  };
}
