import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssignmentStatusBadge } from "@/components/assignments/assignment-status";
import { LocalTime } from "@/components/ui/local-time";
import { StartPracticeButton } from "@/components/assignments/start-practice-button";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { MasteryIcon } from "@/components/ui/mastery-icon";
import { REVIEW_LABELS } from "@/lib/assignments/assignment-form";
import { targetLabel } from "@/lib/assignments/status";
import { lessonHref, quizHref } from "@/lib/content/slug";
import { idParamSchema } from "@/lib/validation/quiz";
import { getMyAssignment } from "@/server/assignments/get-my-assignment";
import { orNotFound, requirePageUser } from "@/server/auth/page-guards";
import { requestTime } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { plural } from "@/lib/plural";

export const metadata: Metadata = { title: "Assignment" };

/**
 * One assignment, as the learner it is assigned to sees it: a practice test's settings, attempts and
 * a button to start or resume it; a notes assignment's lessons, each level beside the target. To
 * anyone outside the team it does not exist.
 */
export default async function AssignmentPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idParamSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const user = await requirePageUser(`/assignments/${id.data}`);
  const assignment = await orNotFound(
    getMyAssignment(getDb(), user.id, id.data, await requestTime()),
    [403, 404],
  );
  const open = assignment.attempts.find((a) => a.status === "in_progress");
  const attemptsLeft = (assignment.attemptsAllowed ?? 0) - assignment.attemptsUsed;

  return (
    <div className="assignment-page">
      <Breadcrumb trail={[{ href: "/progress", label: "Your progress" }]} current="Assignment" />
      <header className="page-header">
        <p className="eyebrow">
          {assignment.teamName} · {assignment.kind === "notes" ? "Lessons" : "Practice test"}
        </p>
        <h1>{assignment.title}</h1>
        <p className="assignment-when">
          <AssignmentStatusBadge status={assignment.status} /> Due{" "}
          <LocalTime iso={assignment.dueAt} />
          {assignment.extended ? " (your extension)" : ""}
          {assignment.opensAt ? (
            <>
              {" "}
              · opened <LocalTime iso={assignment.opensAt} />
            </>
          ) : null}
        </p>
      </header>

      {assignment.kind === "notes" ? (
        <section aria-labelledby="lessons-heading">
          <h2 id="lessons-heading">
            Bring each lesson to{" "}
            {assignment.targetMastery ? targetLabel(assignment.targetMastery) : "its target"}
          </h2>
          <p className="section-lead">
            A perfect quiz makes a lesson Proficient; a correct review a day later makes it
            Mastered.
          </p>
          <DataTable label="Lessons of this assignment" columns={["Lesson", "Your level", "Quiz"]}>
            {assignment.notes.map((note) => (
              <tr key={note.slug}>
                <th scope="row">
                  <Link href={lessonHref(note.slug)}>{note.title}</Link>
                </th>
                <td>
                  <MasteryIcon level={note.level} />
                </td>
                <td>
                  <Link href={quizHref(note.slug)}>
                    Take the quiz<span className="visually-hidden">: {note.title}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      ) : (
        <>
          <section aria-labelledby="settings-heading">
            <h2 id="settings-heading">The test</h2>
            <dl className="assignment-facts">
              <div>
                <dt>Questions</dt>
                <dd>
                  {assignment.size} from {assignment.notes.map((n) => n.title).join(", ")}
                </dd>
              </div>
              <div>
                <dt>Time limit</dt>
                <dd>
                  {assignment.timeLimitMinutes
                    ? plural(assignment.timeLimitMinutes, "minute")
                    : "None"}
                </dd>
              </div>
              <div>
                <dt>Attempts</dt>
                <dd>
                  {assignment.attemptsUsed} used of {assignment.attemptsAllowed}
                </dd>
              </div>
              <div>
                <dt>Right answers and explanations</dt>
                <dd>Shown {REVIEW_LABELS[assignment.reviewAnswers]}</dd>
              </div>
            </dl>
            {open ? (
              <ButtonLink variant="primary" size="large" href={`/practice/${open.id}`}>
                Resume the practice test
              </ButtonLink>
            ) : attemptsLeft > 0 ? (
              <StartPracticeButton assignmentId={assignment.id} />
            ) : (
              <p>You have used every attempt.</p>
            )}
          </section>

          <section aria-labelledby="attempts-heading">
            <h2 id="attempts-heading">Your attempts</h2>
            {assignment.attempts.length === 0 ? (
              <p>None yet.</p>
            ) : (
              <DataTable label="Your attempts" columns={["Started", "Score", "Open"]}>
                {assignment.attempts.map((attempt) => (
                  <tr key={attempt.id}>
                    <td>
                      <LocalTime iso={attempt.startedAt} />
                    </td>
                    <td className="num">
                      {attempt.submittedAt ? `${attempt.correct}/${attempt.total}` : "In progress"}
                    </td>
                    <td>
                      <Link href={`/practice/${attempt.id}`}>
                        {attempt.submittedAt ? "See the results" : "Resume"}
                      </Link>
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
        </>
      )}
    </div>
  );
}
