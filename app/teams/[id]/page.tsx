import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MasteryBadge } from "@/components/lesson/mastery-badge";
import { CopyButton } from "@/components/teams/copy-button";
import { ActionForm } from "@/components/ui/action-form";
import { LineChart } from "@/components/ui/line-chart";
import type { Owner } from "@/lib/content/types";
import type { LearnerProgress } from "@/lib/contracts/teams";
import { MASTERY_LEVELS } from "@/lib/quiz/mastery";
import { sharePercent } from "@/lib/quiz/score";
import { idParamSchema } from "@/lib/validation/quiz";
import { gridQuerySchema } from "@/lib/validation/teams";
import { orNotFound, requirePageUser } from "@/server/auth/page-guards";
import { getDb } from "@/server/db/client";
import { getMasteryHistory } from "@/server/teams/get-mastery-history";
import { getTeamProgress } from "@/server/teams/get-team-progress";
import { rotateInviteCodeAction } from "../actions";

export const metadata: Metadata = { title: "Team progress" };

const PAGE_SIZE = 25;

const MISCONCEPTION: Record<Owner, string> = {
  AWS: "think AWS owns it",
  CUSTOMER: "think the customer owns it",
  SHARED: "think it is shared",
};

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
  const noteSort = typeof raw.sort === "string" && raw.sort.startsWith("note:") ? raw.sort : null;
  const sort = noteSort ?? query.sort;

  const db = getDb();
  // Only the team's instructors and admins may see it; to anyone else it does not exist.
  const progress = await orNotFound(getTeamProgress(db, user, id.data), [403, 404]);
  const history = await getMasteryHistory(db, user, id.data);
  const { team, notes, items } = progress;

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
  const header = (key: string, label: string) => {
    const active = sort === key;
    const dir = active && query.dir === "asc" ? "desc" : "asc";
    return (
      <th
        scope="col"
        aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : "none"}
      >
        <Link href={href({ sort: key, dir, page: 1 })}>
          {label}
          {active ? (query.dir === "asc" ? " ▲" : " ▼") : ""}
        </Link>
      </th>
    );
  };
  const joinPath = `/join/${team.inviteCode}`;

  return (
    <div>
      <header className="page-header">
        <p className="eyebrow">
          <Link href="/teams">Teams</Link>
        </p>
        <h1>{team.name}</h1>
      </header>

      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite learners</h2>
        <p>
          Invite code <code>{team.inviteCode}</code> · join link <code>{joinPath}</code>{" "}
          <CopyButton text={joinPath} label="Copy join link" />
        </p>
        <ActionForm
          action={rotateInviteCodeAction}
          submitLabel="Replace the invite code"
          className="inline-form"
          confirm="The current code and link will stop working. Continue?"
        >
          <input type="hidden" name="teamId" value={team.id} />
        </ActionForm>
      </section>

      <div className="stat-grid">
        <p className="stat">
          <span className="stat-value">{progress.learners.length}</span> learners
        </p>
        <p className="stat">
          <span className="stat-value">{sharePercent(progress.completion)}%</span> team-wide
          completion (proficient or mastered)
        </p>
        <p className="stat">
          <a href={`/api/teams/${team.id}/export.csv`} download>
            Download CSV
          </a>
        </p>
      </div>

      <section aria-labelledby="grid-heading">
        <h2 id="grid-heading">Learners by note</h2>
        <form method="get" className="quiz-toolbar">
          <label htmlFor="q">Filter by name</label>
          <input id="q" name="q" defaultValue={query.q} type="search" />
          <input type="hidden" name="sort" value={sort} />
          <input type="hidden" name="dir" value={query.dir} />
          <button type="submit">Filter</button>
        </form>
        <div className="table-scroll">
          <table className="data-table" aria-label="Learners by note">
            <thead>
              <tr>
                {header("name", "Learner")}
                {header("lessonsRead", "Read")}
                {header("attempts", "Attempts")}
                {header("bestScore", "Best (avg)")}
                {header("lastActiveAt", "Last active")}
                {notes.map((n) => (
                  <th
                    key={n.slug}
                    scope="col"
                    aria-sort={
                      sort === `note:${n.slug}`
                        ? query.dir === "asc"
                          ? "ascending"
                          : "descending"
                        : "none"
                    }
                  >
                    <Link
                      href={href({
                        sort: `note:${n.slug}`,
                        dir: sort === `note:${n.slug}` && query.dir === "asc" ? "desc" : "asc",
                        page: 1,
                      })}
                    >
                      {n.title}
                    </Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((learner) => {
                const attempts = learner.quizzes.reduce((sum, q) => sum + q.attempts, 0);
                const best = bestAverage(learner);
                return (
                  <tr key={learner.userId}>
                    <th scope="row">
                      <Link href={`/teams/${team.id}/learners/${learner.userId}`}>
                        {learner.name}
                      </Link>
                      <br />
                      <span className="eyebrow">{learner.email}</span>
                    </th>
                    <td>
                      {learner.lessonsRead}/{notes.length}
                    </td>
                    <td>{attempts}</td>
                    <td>{best >= 0 ? `${best}%` : "—"}</td>
                    <td>
                      {learner.lastActiveAt
                        ? learner.lastActiveAt.slice(0, 16).replace("T", " ")
                        : "never"}
                    </td>
                    {learner.mastery.map((m) => (
                      <td key={m.noteSlug}>
                        <MasteryBadge level={m.level} />
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
        <nav aria-label="Pages" className="pager">
          {page > 1 ? <Link href={href({ page: page - 1 })}>Previous page</Link> : <span />}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? <Link href={href({ page: page + 1 })}>Next page</Link> : <span />}
        </nav>
      </section>

      <section aria-labelledby="missed-heading">
        <h2 id="missed-heading">Most-missed controls</h2>
        {items.length === 0 ? (
          <p>No answers yet.</p>
        ) : (
          <ol className="results">
            {items.slice(0, 10).map((item) => (
              <li key={item.itemId} className="result">
                <strong>{item.prompt}</strong>{" "}
                <span className="eyebrow">{titleOf.get(item.noteSlug) ?? item.noteSlug}</span>
                <p>
                  {sharePercent(item.correctRate)}% right over {item.attempts} answer
                  {item.attempts === 1 ? "" : "s"}.
                  {item.commonWrongChoice
                    ? ` ${sharePercent(item.commonWrongRate)}% ${MISCONCEPTION[item.commonWrongChoice]}.`
                    : ""}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading">Team mastery over the last 30 days</h2>
        <LineChart
          title="Share of learner and note pairs at Proficient or better"
          points={history.map((p) => ({ label: p.day, value: sharePercent(p.proficientShare) }))}
        />
      </section>
    </div>
  );
}
