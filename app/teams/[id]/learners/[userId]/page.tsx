import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Email } from "@/components/dashboard/email";
import { formatDate, formatDateTime, formatDaysAgo } from "@/components/dashboard/format";
import { MasteryIcon } from "@/components/ui/mastery-icon";
import { scoreSeries } from "@/components/dashboard/score-series";
import { DataTable } from "@/components/ui/data-table";
import { Icon } from "@/components/ui/icons";
import { LineChart } from "@/components/ui/line-chart";
import { OwnerBadge } from "@/components/ui/owner-badge";
import { scorePercent } from "@/lib/quiz/score";
import { idParamSchema } from "@/lib/validation/quiz";
import { orNotFound, requirePageUser } from "@/server/auth/page-guards";
import { getDb } from "@/server/db/client";
import { getLearnerHistory } from "@/server/teams/get-learner-history";
import { removeMemberAction } from "../../../actions";

export const metadata: Metadata = { title: "Learner history" };

export default async function LearnerPage({
  params,
}: {
  params: Promise<{ id: string; userId: string }>;
}) {
  const raw = await params;
  const teamId = idParamSchema.safeParse(raw.id);
  const userId = idParamSchema.safeParse(raw.userId);
  if (!teamId.success || !userId.success) notFound();
  const user = await requirePageUser(`/teams/${teamId.data}/learners/${userId.data}`);
  const now = new Date();
  // Only the team's instructors and admins may see its learners; to anyone else they do not exist.
  const history = await orNotFound(
    getLearnerHistory(getDb(), user, teamId.data, userId.data, 50, now),
    [403, 404],
  );
  const { team, learner } = history;
  const quizzes = [...history.attempts].reverse().filter((a) => a.kind === "quiz");
  return (
    <div className="dashboard">
      <Breadcrumb
        trail={[
          { href: "/teams", label: "Teams" },
          { href: `/teams/${team.id}`, label: team.name },
        ]}
        current={learner.name}
      />
      <header className="dashboard-header">
        <h1>{learner.name}</h1>
        <ul className="summary-strip" aria-label="Learner summary">
          <li>
            <Email address={learner.email} />
          </li>
          <li>
            Last active{" "}
            {learner.lastActiveAt ? (
              <time dateTime={learner.lastActiveAt} title={formatDateTime(learner.lastActiveAt)}>
                {formatDaysAgo(learner.lastActiveAt, now)}
              </time>
            ) : (
              "never"
            )}
          </li>
          <li>
            <strong>
              {history.lessonsRead}/{history.lessonCount}
            </strong>{" "}
            lessons read
          </li>
          <li className={history.overdue ? "summary-alert" : undefined}>
            <Icon name="clock" /> <strong>{history.reviewsDue}</strong> reviews due
            {history.overdue && history.oldestDueAt
              ? `: overdue, the oldest since ${formatDate(history.oldestDueAt)}`
              : ""}
          </li>
        </ul>
      </header>

      <div className="dashboard-panels">
        <section aria-labelledby="notes-heading">
          <h2 id="notes-heading">Mastery by quiz</h2>
          <DataTable
            label="Mastery by quiz"
            columns={["Quiz", "Mastery", "Best", "Quizzes", "Lesson"]}
          >
            {history.notes.map((n) => (
              <tr key={n.slug}>
                <th scope="row">{n.title}</th>
                <td>
                  <MasteryIcon level={n.level} />
                </td>
                <td className="num">{n.bestScore !== null ? `${n.bestScore}%` : "—"}</td>
                <td className="num">{n.attempts}</td>
                <td>
                  {n.read ? (
                    <span className="read-mark">
                      <Icon name="check" /> Read
                    </span>
                  ) : (
                    "Not yet"
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        </section>

        <section aria-labelledby="scores-heading">
          <h2 id="scores-heading">Quiz scores over time</h2>
          {quizzes.length > 0 ? (
            <LineChart
              title="Quiz scores by date, one line per quiz"
              series={scoreSeries(quizzes)}
            />
          ) : (
            <p>No quiz taken yet.</p>
          )}
        </section>
      </div>

      <section aria-labelledby="attempts-heading">
        <h2 id="attempts-heading">Attempt history</h2>
        {history.attempts.length === 0 ? <p>No submitted attempts yet.</p> : null}
        {history.attempts.map((attempt) => (
          <details key={attempt.attemptId} className="result" open={history.attempts.length <= 3}>
            <summary>
              <strong>
                {attempt.kind === "review" ? "Review" : (attempt.noteTitle ?? "Quiz")}
              </strong>{" "}
              · {attempt.correct}/{attempt.total} ({scorePercent(attempt)}%)
              {attempt.submittedAt ? ` · ${formatDateTime(attempt.submittedAt)}` : ""}
            </summary>
            <DataTable
              label={`Answers, ${attempt.kind === "review" ? "review" : (attempt.noteTitle ?? "quiz")}, ${attempt.submittedAt ? formatDateTime(attempt.submittedAt) : ""}`}
              columns={["Control", "Answer", "Expected", "Result"]}
            >
              {attempt.answers.map((answer) => (
                <tr key={answer.itemId}>
                  <th scope="row">{answer.prompt}</th>
                  <td>{answer.choice ? <OwnerBadge owner={answer.choice} /> : "—"}</td>
                  <td>
                    <OwnerBadge owner={answer.expected} />
                  </td>
                  <td className={answer.correct ? "verdict-right" : "verdict-wrong"}>
                    <Icon name={answer.correct ? "check" : "cross"} />{" "}
                    {answer.correct ? "Right" : "Wrong"}
                  </td>
                </tr>
              ))}
            </DataTable>
          </details>
        ))}
      </section>

      <section aria-labelledby="membership-heading">
        <h2 id="membership-heading">Membership</h2>
        <ActionForm
          className="inline-form"
          action={removeMemberAction}
          submitLabel="Remove from team"
          variant="danger"
          confirm={`Remove ${learner.name} from the team? Their own progress is kept.`}
        >
          <input type="hidden" name="teamId" value={team.id} />
          <input type="hidden" name="userId" value={learner.id} />
        </ActionForm>
      </section>
    </div>
  );
}
