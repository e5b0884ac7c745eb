import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Email } from "@/components/dashboard/email";
import {
  CommonWrong,
  ConfidentlyWrongTable,
  DISCRIMINATION_METHOD,
  Facility,
  HalvesTable,
  ItemAnalysisTable,
  ItemHeader,
} from "@/components/dashboard/item-analysis";
import { formatDate, formatDaysAgo } from "@/components/dashboard/format";
import { TeamReportsSection } from "@/components/reports/reported-items";
import { MasteryIcon, MasteryLegend } from "@/components/ui/mastery-icon";
import { DataTable } from "@/components/ui/data-table";
import { CopyButton } from "@/components/teams/copy-button";
import { SpacedReview } from "@/components/teams/spaced-review";
import { setDesiredRetentionAction } from "../retention-actions";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { LineChart } from "@/components/ui/line-chart";
import type { LearnerProgress } from "@/lib/contracts/teams";
import { ITEM_KINDS } from "@/lib/content/types";
import { MASTERY_LEVELS } from "@/lib/quiz/mastery";
import { sharePercent } from "@/lib/quiz/score";
import { kindName } from "@/lib/teams/item-analysis";
import { idParamSchema } from "@/lib/validation/quiz";
import { gridQuerySchema } from "@/lib/validation/teams";
import { orNotFound, requirePageUser } from "@/server/auth/page-guards";
import { getDb } from "@/server/db/client";
import { getDesiredRetention } from "@/server/teams/desired-retention";
import { getMasteryHistory } from "@/server/teams/get-mastery-history";
import { getTeamProgress } from "@/server/teams/get-team-progress";
import { OVERDUE_AFTER_DAYS } from "@/server/teams/overdue";
import { deleteTeamAction, rotateInviteCodeAction } from "../actions";
import { TeamAssignments } from "@/components/assignments/team-assignments";
import { listTeamAssignments } from "@/server/assignments/list-assignments";
import { requestTime } from "@/server/clock";
import { listQuizzes } from "@/server/quiz/list-quizzes";
import * as assignmentActions from "../assignment-actions";

export const metadata: Metadata = { title: "Team progress" };

const PAGE_SIZE = 25;
const HISTORY_DAYS = 30;
/** Rows in the misconceptions and confidently-wrong tables; items per kind in the item analysis. */
const TOP_ITEMS = 8;
const PER_KIND = 5;

type SearchParams = Record<string, string | string[] | undefined>;

function sortValue(learner: LearnerProgress, sort: string): string | number {
  if (sort.startsWith("note:"))
    return MASTERY_LEVELS.indexOf(
      learner.mastery.find((m) => m.noteSlug === sort.slice(5))?.level ?? "not-started",
    );
  switch (sort) {
    case "lessonsRead":
      return learner.lessonsRead;
    case "attempts":
      return learner.quizzes.reduce((sum, q) => sum + q.attempts, 0);
    case "bestScore":
      return bestAverage(learner);
    case "reviewsDue":
      // Overdue learners first when descending, then by how many reviews wait.
      return Number(learner.overdue) * 1_000_000 + learner.reviewsDue;
    case "lastActiveAt":
      return learner.lastActiveAt ?? "";
    default:
      return learner.name.toLowerCase();
  }
}

/** The mean of the learner's best scores, as a whole percentage; -1 when they took no quiz. */
function bestAverage(learner: LearnerProgress): number {
  const taken = learner.quizzes.flatMap((q) => (q.bestScore === null ? [] : [q.bestScore]));
  // A mean of percentages over 100 is a share, rounded like every other one.
  return taken.length
    ? sharePercent(taken.reduce((sum, s) => sum + s, 0) / taken.length / 100)
    : -1;
}

/** Sort keys the page adds to the API's: a note's mastery column, and reviews due. */
function extraSort(raw: string | string[] | undefined): string | null {
  if (typeof raw !== "string") return null;
  return raw.startsWith("note:") || raw === "reviewsDue" ? raw : null;
}

export default async function TeamPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const id = idParamSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const user = await requirePageUser(`/teams/${id.data}`);
  const raw = await searchParams;
  const query = gridQuerySchema.parse({ q: raw.q, sort: raw.sort, dir: raw.dir, page: raw.page });
  const sort = extraSort(raw.sort) ?? query.sort;

  const db = getDb();
  const now = new Date();
  // Only the team's instructors and admins may see it; to anyone else it does not exist.
  const progress = await orNotFound(getTeamProgress(db, user, id.data, now), [403, 404]);
  const history = await getMasteryHistory(db, user, id.data, HISTORY_DAYS, now);
  const { team, notes, items } = progress;
  const [assignments, quizzes] = await Promise.all([
    listTeamAssignments(db, user, team.id, await requestTime()),
    listQuizzes(db),
  ]);

  const filtered = progress.learners.filter(
    (l) => !query.q || `${l.name} ${l.email}`.toLowerCase().includes(query.q.toLowerCase()),
  );
  const sorted = [...filtered].sort((a, b) => {
    const x = sortValue(a, sort);
    const y = sortValue(b, sort);
    const order = x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name);
    return query.dir === "desc" ? -order : order;
  });
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const shown = sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const titleOf = new Map(notes.map((n) => [n.slug, n.title]));
  const overdue = progress.learners.filter((l) => l.overdue);
  // Items come hardest first: the misconceptions are the hardest with a usual wrong answer.
  const misconceptions = items.filter((i) => i.commonWrong).slice(0, TOP_ITEMS);
  const confident = items
    .filter((i) => i.sureWrong > 0)
    .sort((a, b) => b.sureWrong - a.sureWrong || a.correctRate - b.correctRate)
    .slice(0, TOP_ITEMS);
  const byKind = ITEM_KINDS.flatMap((kind) =>
    items.filter((i) => i.kind === kindName(kind)).slice(0, PER_KIND),
  );
  const flagged = items.filter((i) => i.flags.length > 0);
  const onlyFlagged = raw.items === "flagged";
  const href = (change: Partial<{ sort: string; dir: string; page: number }>) => {
    const next = new URLSearchParams({
      ...(query.q ? { q: query.q } : {}),
      sort,
      dir: query.dir,
      page: String(page),
    });
    for (const [k, v] of Object.entries(change)) next.set(k, String(v));
    return `/teams/${team.id}?${next.toString()}`;
  };
  const header = (key: string, label: string, className?: string) => {
    const active = sort === key;
    const dir = active && query.dir === "asc" ? "desc" : "asc";
    return (
      <th
        key={key}
        scope="col"
        className={className}
        aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : "none"}
      >
        <Link href={href({ sort: key, dir, page: 1 })}>
          {label}
          {active ? (
            <Icon
              name="chevron-down"
              size="0.9em"
              className={`icon sort-icon${query.dir === "asc" ? " sort-asc" : ""}`}
            />
          ) : null}
        </Link>
      </th>
    );
  };
  const joinPath = `/join/${team.inviteCode}`;
  const retention = await getDesiredRetention(db, user, team.id);

  return (
    <div className="dashboard">
      <Breadcrumb trail={[{ href: "/teams", label: "Teams" }]} current={team.name} />
      <header className="dashboard-header">
        <h1>{team.name}</h1>
        <ul className="summary-strip" aria-label="Team summary">
          <li>
            <strong>{progress.learners.length}</strong>{" "}
            {progress.learners.length === 1 ? "learner" : "learners"}
          </li>
          <li>
            <strong>{sharePercent(progress.completion)}%</strong> of learner × quiz pairs Proficient
            or better
          </li>
          <li className={overdue.length ? "summary-alert" : undefined}>
            <Icon name="clock" /> <strong>{overdue.length}</strong> behind on reviews
            {overdue.length ? `: ${overdue.map((l) => l.name).join(", ")}` : ""}
          </li>
          <li>
            <a href={`/api/teams/${team.id}/export.csv`} download>
              Download CSV
            </a>
          </li>
          <li>
            <a href="#invite-heading">Invite learners</a>
          </li>
        </ul>
      </header>

      <section aria-labelledby="grid-heading" className="grid-section">
        <div className="grid-toolbar">
          <h2 id="grid-heading">Learners by lesson</h2>
          <form method="get" className="grid-filter">
            <label htmlFor="q">Filter by name</label>
            <input id="q" name="q" defaultValue={query.q} type="search" />
            <input type="hidden" name="sort" value={sort} />
            <input type="hidden" name="dir" value={query.dir} />
            <Button type="submit">Filter</Button>
          </form>
          <MasteryLegend />
        </div>
        {/* The grid scrolls inside its frame, the learner column pinned; focusable, so that a
            keyboard can scroll it too. */}
        <div
          className="grid-scroll"
          tabIndex={0}
          role="region"
          aria-label="Mastery grid, scrolls sideways"
        >
          <table className="mastery-grid" aria-label="Learners by lesson">
            <thead>
              <tr>
                {header("name", "Learner", "grid-learner")}
                {header("lessonsRead", `Read (of ${progress.lessonCount})`)}
                {header("attempts", "Quizzes")}
                {header("bestScore", "Best (avg)")}
                {header("reviewsDue", "Reviews due")}
                {header("lastActiveAt", "Last active")}
                {notes.map((n) => header(`note:${n.slug}`, n.title, "grid-note"))}
              </tr>
            </thead>
            <tbody>
              {shown.map((learner) => {
                const attempts = learner.quizzes.reduce((sum, q) => sum + q.attempts, 0);
                const best = bestAverage(learner);
                return (
                  <tr key={learner.userId} className={learner.overdue ? "is-overdue" : undefined}>
                    <th scope="row" className="grid-learner">
                      <Link href={`/teams/${team.id}/learners/${learner.userId}`}>
                        {learner.name}
                      </Link>
                      <Email address={learner.email} />
                      {learner.overdue ? (
                        <span className="overdue-flag">
                          <Icon name="clock" /> Behind on reviews
                        </span>
                      ) : null}
                    </th>
                    <td className="num">
                      {learner.lessonsRead}/{progress.lessonCount}
                    </td>
                    <td className="num">{attempts}</td>
                    <td className="num">{best >= 0 ? `${best}%` : "—"}</td>
                    <td className="num">
                      {learner.reviewsDue}
                      {learner.overdue && learner.oldestDueAt ? (
                        <span className="grid-sub">
                          oldest {formatDaysAgo(learner.oldestDueAt, now)}
                        </span>
                      ) : null}
                    </td>
                    <td>
                      {learner.lastActiveAt ? (
                        <time
                          dateTime={learner.lastActiveAt}
                          title={formatDate(learner.lastActiveAt)}
                        >
                          {formatDaysAgo(learner.lastActiveAt, now)}
                        </time>
                      ) : (
                        "never"
                      )}
                    </td>
                    {learner.mastery.map((m) => (
                      <td key={m.noteSlug} className="grid-cell">
                        <MasteryIcon level={m.level} quiet />
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {shown.length === 0 ? (
          <p>No learners{query.q ? ` match “${query.q}”` : " yet: share the join link"}.</p>
        ) : null}
        <p className="grid-note-text">
          Behind on reviews: a review has waited more than {OVERDUE_AFTER_DAYS} days (an assignment
          past its due date is overdue). Read counts every lesson, with or without a quiz.
        </p>
        {pages > 1 ? (
          <nav aria-label="Pages" className="grid-pager">
            {page > 1 ? <Link href={href({ page: page - 1 })}>Previous page</Link> : <span />}
            <span>
              Page {page} of {pages}
            </span>
            {page < pages ? <Link href={href({ page: page + 1 })}>Next page</Link> : <span />}
          </nav>
        ) : null}
      </section>

      <TeamAssignments
        teamId={team.id}
        assignments={assignments}
        lessons={quizzes}
        actions={{
          create: assignmentActions.createAssignmentAction,
          update: assignmentActions.updateAssignmentAction,
          remove: assignmentActions.deleteAssignmentAction,
          extend: assignmentActions.setExtensionAction,
          withdraw: assignmentActions.removeExtensionAction,
        }}
      />

      <div className="dashboard-panels">
        <section aria-labelledby="missed-heading">
          <h2 id="missed-heading">Misconceptions</h2>
          <p className="section-lead">
            The items most often answered wrongly, of every kind, with the usual wrong answer.
          </p>
          {misconceptions.length === 0 ? (
            <p>No wrong answers yet.</p>
          ) : (
            <DataTable
              label="Most-missed controls"
              className="misconceptions"
              layout="cards"
              columns={["Control", "Right", "Usual wrong answer"]}
            >
              {misconceptions.map((item) => (
                <tr key={item.itemId}>
                  <ItemHeader item={item} titles={titleOf} />
                  <Facility item={item} />
                  <CommonWrong item={item} />
                </tr>
              ))}
            </DataTable>
          )}
        </section>

        <section aria-labelledby="confident-heading">
          <h2 id="confident-heading">Confidently wrong</h2>
          <p className="section-lead">
            Wrong answers the learner said they were sure of: ideas held firmly, worth raising in
            class.
          </p>
          {confident.length === 0 ? (
            <p>No wrong answers given as sure yet.</p>
          ) : (
            <ConfidentlyWrongTable items={confident} titles={titleOf} />
          )}
        </section>
      </div>

      <div className="dashboard-panels">
        <section aria-labelledby="halves-heading">
          <h2 id="halves-heading">The two halves of Shared</h2>
          <p className="section-lead">
            Each Shared control with an AWS half and a customer half: the share right on each, and
            the half the team misses more.
          </p>
          {progress.halves.length === 0 ? (
            <p>No halves of a Shared control answered yet.</p>
          ) : (
            <HalvesTable halves={progress.halves} titles={titleOf} />
          )}
        </section>

        <section aria-labelledby="chart-heading">
          <h2 id="chart-heading">Team mastery, last {HISTORY_DAYS} days</h2>
          <p className="section-lead">
            Share of learner × quiz pairs at each level or better, at the end of each day.
          </p>
          <LineChart
            title="Team mastery by day"
            series={[
              {
                name: "Familiar or better",
                points: history.map((p) => ({
                  date: p.day,
                  value: sharePercent(p.familiarShare),
                })),
              },
              {
                name: "Proficient or better",
                points: history.map((p) => ({
                  date: p.day,
                  value: sharePercent(p.proficientShare),
                })),
              },
              {
                name: "Mastered",
                points: history.map((p) => ({ date: p.day, value: sharePercent(p.masteredShare) })),
              },
            ]}
          />
        </section>
      </div>

      <section aria-labelledby="analysis-heading">
        <h2 id="analysis-heading">Item analysis by kind</h2>
        <p className="section-lead">
          {onlyFlagged
            ? "Every flagged item"
            : `The ${PER_KIND} hardest items of each kind the team has answered`}
          : the share right (facility), how well the item separates stronger from weaker learners
          (discrimination), and the most common wrong answer, an owner or the statement picked.
          Flagged: discrimination below 0.2, or fewer than 10% or more than 90% right.
        </p>
        <p className="section-lead">{DISCRIMINATION_METHOD}</p>
        <p>
          {onlyFlagged ? (
            <Link href={`/teams/${team.id}#analysis-heading`}>Show the hardest of each kind</Link>
          ) : (
            <Link href={`/teams/${team.id}?items=flagged#analysis-heading`}>
              Show only flagged items ({flagged.length})
            </Link>
          )}
        </p>
        {(onlyFlagged ? flagged : byKind).length === 0 ? (
          <p>{onlyFlagged ? "No flagged items." : "No answers yet."}</p>
        ) : (
          <ItemAnalysisTable items={onlyFlagged ? flagged : byKind} titles={titleOf} />
        )}
      </section>

      <TeamReportsSection user={user} teamId={team.id} titles={titleOf} />

      <section aria-labelledby="invite-heading" className="invite-section">
        <h2 id="invite-heading">Invite learners</h2>
        <p>
          Invite code <code>{team.inviteCode}</code> · join link <code>{joinPath}</code>{" "}
          <CopyButton text={joinPath} label="Copy join link" />
        </p>
        <ActionForm
          className="inline-form"
          action={rotateInviteCodeAction}
          submitLabel="Replace the invite code"
          variant="danger"
          confirm="The current code and link will stop working. Continue?"
        >
          <input type="hidden" name="teamId" value={team.id} />
        </ActionForm>
      </section>

      <SpacedReview teamId={team.id} retention={retention} action={setDesiredRetentionAction} />

      <section aria-labelledby="delete-team-heading">
        <h2 id="delete-team-heading">Delete this team</h2>
        <p>
          Its memberships, assignments and item statistics go. Each learner keeps their own answers,
          attempts and progress.
        </p>
        <ActionForm
          className="inline-form"
          action={deleteTeamAction}
          submitLabel="Delete team"
          pendingLabel="Deleting…"
          variant="danger"
          confirm={`Delete ${team.name}? Its assignments and memberships cannot be restored.`}
        >
          <input type="hidden" name="teamId" value={team.id} />
        </ActionForm>
      </section>
    </div>
  );
}
