import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Email } from "@/components/dashboard/email";
import { formatDateTime, formatDaysAgo } from "@/components/dashboard/format";
import { MasteryIcon } from "@/components/ui/mastery-icon";
import { scoreSeries } from "@/components/dashboard/score-series";
import { DataTable } from "@/components/ui/data-table";
import { Icon } from "@/components/ui/icons";
import { LineChart } from "@/components/ui/line-chart";
import { LocalDate, LocalTime } from "@/components/ui/local-time";
import { OwnerBadge } from "@/components/ui/owner-badge";
import { isCardKind } from "@/lib/contracts/quiz";
import type { LearnerHistory } from "@/lib/contracts/teams";
import { LEECH_FAILURES } from "@/lib/quiz/leech";
import { scorePercent } from "@/lib/quiz/score";
import { KIND_LABELS } from "@/lib/teams/item-analysis";
import { idParamSchema } from "@/lib/validation/quiz";
import { orNotFound, requirePageUser } from "@/server/auth/page-guards";
import { getDb } from "@/server/db/client";
import { getLearnerHistory } from "@/server/teams/get-learner-history";
import { removeMemberAction } from "../../../actions";

export const metadata: Metadata = { title: "Learner history" };

/** An item the learner keeps failing, marked in words and with an icon, never by colour alone. */
function LeechFlag() {
  return (
    <span className="leech-flag">
      <Icon name="repeat" /> Leech
    </span>
  );
}

/** Answers of an attempt that were wrong and given as "sure". */
function sureWrongIn(attempt: LearnerHistory["attempts"][number]): number {
  return attempt.answers.filter((a) => !a.correct && a.confidence === "sure").length;
}

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
  const leechIds = new Set(history.leeches.map((l) => l.itemId));
  const noteTitles = new Map(history.notes.map((n) => [n.slug, n.title]));
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
            {history.overdue && history.oldestDueAt ? (
              <>
                : overdue, the oldest since <LocalDate iso={history.oldestDueAt} />
              </>
            ) : null}
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

      <section aria-labelledby="leeches-heading">
        <h2 id="leeches-heading">Leeches</h2>
        <p className="section-lead">
          A leech, in Anki&apos;s word, is an item failed again and again: here {LEECH_FAILURES}{" "}
          times or more. More review rarely fixes one; it is worth rewording, or a talk.
        </p>
        {history.leeches.length === 0 ? (
          <p>No leeches: no item failed {LEECH_FAILURES} times or more.</p>
        ) : (
          <DataTable label="Leeches" columns={["Item", "Lesson", "Failures"]}>
            {history.leeches.map((leech) => (
              <tr key={leech.itemId}>
                <th scope="row">{leech.label}</th>
                <td>{noteTitles.get(leech.noteSlug) ?? leech.noteSlug}</td>
                <td className="num">{leech.failures}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="attempts-heading">
        <h2 id="attempts-heading">Attempt history</h2>
        {history.attempts.length === 0 ? <p>No submitted attempts yet.</p> : null}
        {history.attempts.map((attempt) => (
          <details key={attempt.attemptId} className="result" open={history.attempts.length <= 3}>
            <summary>
              <strong>{attemptName(attempt)}</strong> · {attempt.correct}/{attempt.total} (
              {scorePercent(attempt)}%)
              {attempt.submittedAt ? (
                <>
                  {" "}
                  · <LocalTime iso={attempt.submittedAt} />
                </>
              ) : null}
              {sureWrongIn(attempt) > 0 ? ` · ${sureWrongIn(attempt)} sure but wrong` : ""}
            </summary>
            <DataTable
              label={`Answers, ${attemptName(attempt)}, ${attempt.submittedAt ? formatDateTime(attempt.submittedAt) : ""}`}
              layout="cards"
              className="answers-table"
              columns={["Control", "Answer", "Expected", "Result"]}
            >
              {attempt.answers.map((answer) => {
                const sureWrong = !answer.correct && answer.confidence === "sure";
                return (
                  <tr key={answer.itemId} className={sureWrong ? "is-sure-wrong" : undefined}>
                    <th scope="row">
                      {answer.label}
                      {leechIds.has(answer.itemId) ? (
                        <>
                          {" "}
                          <LeechFlag />
                        </>
                      ) : null}
                      {!isCardKind(answer.kind) ? (
                        <span className="grid-sub">{KIND_LABELS[answer.kind]}</span>
                      ) : null}
                    </th>
                    <td data-label="Answer">
                      {answer.option !== null ? (
                        <q>{answer.option}</q>
                      ) : answer.choice ? (
                        <OwnerBadge owner={answer.choice} />
                      ) : (
                        "—"
                      )}
                    </td>
                    <td data-label="Expected">
                      {answer.expectedOption !== null ? (
                        <q>{answer.expectedOption}</q>
                      ) : (
                        <OwnerBadge owner={answer.expected} />
                      )}
                    </td>
                    <td
                      data-label="Result"
                      className={answer.correct ? "verdict-right" : "verdict-wrong"}
                    >
                      <Icon name={answer.correct ? "check" : "cross"} />{" "}
                      {answer.correct ? "Right" : "Wrong"}
                      {sureWrong ? (
                        <span className="sure-flag">
                          <Icon name="flag" /> Sure but wrong
                        </span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
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

/** What the learner took: a note's quiz by the note's title, a review, or a practice test. */
function attemptName(attempt: LearnerHistory["attempts"][number]): string {
  if (attempt.kind === "review") return "Review";
  if (attempt.kind === "practice") return "Practice test";
  return attempt.noteTitle ?? "Quiz";
}
