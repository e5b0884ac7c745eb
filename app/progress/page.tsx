import type { Metadata } from "next";
import Link from "next/link";
import { MyAssignments } from "@/components/assignments/my-assignments";
import { MasteryIcon } from "@/components/ui/mastery-icon";
import { scoreSeries } from "@/components/dashboard/score-series";
import { DataTable } from "@/components/ui/data-table";
import { Icon } from "@/components/ui/icons";
import { LineChart } from "@/components/ui/line-chart";
import { LocalTime } from "@/components/ui/local-time";
import { lessonHref } from "@/lib/content/slug";
import { requirePageUser } from "@/server/auth/page-guards";
import { getDb } from "@/server/db/client";
import { getProgress } from "@/server/progress/get-progress";
import { listMyAssignments } from "@/server/assignments/list-assignments";
import { requestTime } from "@/server/clock";
import { listMyTeams } from "@/server/teams/list-teams";

export const metadata: Metadata = { title: "Your progress" };

export default async function ProgressPage() {
  const user = await requirePageUser("/progress");
  const db = getDb();
  const now = await requestTime();
  const [progress, assigned, teams] = await Promise.all([
    getProgress(db, user.id, now),
    listMyAssignments(db, user.id, now),
    listMyTeams(db, user),
  ]);
  const titleOf = new Map(progress.lessons.map((l) => [l.slug, l.title]));
  const levelOf = new Map(progress.mastery.map((m) => [m.noteSlug, m.level]));
  const readSlugs = new Set(progress.lessons.filter((l) => l.read).map((l) => l.slug));
  // A practice test comes back as a "quiz" across notes (AttemptRecord has no kind of its own for
  // it yet): a quiz always has its note, so no note means a practice test.
  const isPractice = (h: (typeof progress.history)[number]) => h.kind === "quiz" && !h.noteSlug;
  const quizzes = progress.history.filter((h) => h.kind === "quiz" && !isPractice(h));
  const quizSlugs = new Set(progress.quizzes.map((q) => q.slug));
  // Lessons with no quiz (Service Models Compared) count in "lessons read" too: name them.
  const readingOnly = progress.lessons.filter((l) => !quizSlugs.has(l.slug));
  const titled = (h: (typeof progress.history)[number]) =>
    h.kind === "review"
      ? "Review"
      : isPractice(h)
        ? "Practice test"
        : (titleOf.get(h.noteSlug ?? "") ?? h.noteSlug ?? "Quiz");

  return (
    <div>
      <h1>Your progress</h1>
      <div className="stat-grid">
        <p className="stat">
          <span className="stat-value">
            {progress.lessonsRead}/{progress.lessons.length}
          </span>
          lessons read
        </p>
        <p className="stat">
          <span className="stat-value">{quizzes.length}</span>
          quiz attempts
        </p>
        <p className="stat">
          <span className="stat-value">{progress.due}</span>
          reviews due {progress.due > 0 ? <Link href="/review">Start review</Link> : null}
        </p>
        <p className="stat">
          <span className="stat-value">{progress.streak}</span>
          day streak
        </p>
      </div>

      <MyAssignments assignments={assigned} teamNames={new Map(teams.map((t) => [t.id, t.name]))} />

      <p className="progress-practice">
        <Icon name="flag" /> Test yourself across lessons, timed if you like:{" "}
        <Link href="/practice">start a practice test</Link>.
      </p>

      <h2>Mastery by lesson</h2>
      {/* Cards on a phone: Best, Last and Attempts stay in view instead of past a sideways scroll. */}
      <DataTable
        label="Mastery by lesson"
        columns={["Lesson", "Read", "Mastery", "Best", "Last", "Attempts"]}
        layout="cards"
        className="figure-cards"
      >
        {progress.quizzes.map((q) => (
          <tr key={q.slug}>
            <th scope="row">
              <Link href={lessonHref(q.slug)}>{q.title}</Link>
            </th>
            <td data-label="Read">
              {readSlugs.has(q.slug) ? (
                <span className="read-mark">
                  <Icon name="check" /> Read
                </span>
              ) : (
                "Not yet"
              )}
            </td>
            <td data-label="Mastery">
              <MasteryIcon level={levelOf.get(q.slug) ?? "not-started"} />
            </td>
            <td className="num" data-label="Best">
              {q.bestScore != null ? `${q.bestScore}%` : "—"}
            </td>
            <td className="num" data-label="Last">
              {q.lastScore != null ? `${q.lastScore}%` : "—"}
            </td>
            <td className="num" data-label="Attempts">
              {q.attempts}
            </td>
          </tr>
        ))}
      </DataTable>
      {readingOnly.length > 0 ? (
        <p className="section-lead">
          Also counted in lessons read, with no quiz:{" "}
          {readingOnly.map((l, i) => (
            <span key={l.slug}>
              {i > 0 ? ", " : ""}
              <Link href={lessonHref(l.slug)}>{l.title}</Link> ({l.read ? "read" : "not yet"})
            </span>
          ))}
          .
        </p>
      ) : null}

      <h2>Scores over time</h2>
      {quizzes.length > 0 ? (
        <LineChart
          title="Your quiz scores by date, one line per quiz"
          series={scoreSeries(quizzes.map((h) => ({ ...h, noteTitle: titled(h) })))}
        />
      ) : (
        <p>No quiz taken yet.</p>
      )}

      <h2>Quiz history</h2>
      {progress.history.length > 0 ? (
        <DataTable label="Quiz history" columns={["When", "What", "Score"]}>
          {[...progress.history].reverse().map((h) => (
            <tr key={h.attemptId}>
              <td>{h.submittedAt ? <LocalTime iso={h.submittedAt} /> : ""}</td>
              <td>
                {isPractice(h) ? (
                  <Link href={`/practice/${h.attemptId}`}>Practice test</Link>
                ) : (
                  titled(h)
                )}
              </td>
              <td>
                {h.correct}/{h.total} ({h.score}%)
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>Nothing yet.</p>
      )}
    </div>
  );
}
