import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { DataTable } from "@/components/ui/data-table";
import { requirePageUser } from "@/server/auth/page-guards";
import { getDb } from "@/server/db/client";
import { listAllTeams, listMyTeams } from "@/server/teams/list-teams";
import { createTeamAction, joinTeamAction } from "./actions";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage({
  searchParams,
}: {
  searchParams: Promise<{ joined?: string; deleted?: string }>;
}) {
  const { joined, deleted } = await searchParams;
  const user = await requirePageUser("/teams");
  const db = getDb();
  const mine = await listMyTeams(db, user);
  const all = user.role === "ADMIN" ? await listAllTeams(db) : [];
  const canCreate = user.role === "INSTRUCTOR" || user.role === "ADMIN";
  return (
    <div>
      <h1>Teams</h1>
      {deleted === "1" ? <p role="status">The team was deleted.</p> : null}
      {joined && mine.some((t) => t.id === joined) ? (
        <p role="status">You joined {mine.find((t) => t.id === joined)?.name}.</p>
      ) : null}
      {mine.length > 0 ? (
        <ul className="lesson-cards">
          {mine.map((team) => (
            <li key={team.id} className="lesson-card">
              {team.role === "instructor" || user.role === "ADMIN" ? (
                <Link href={`/teams/${team.id}`}>{team.name}</Link>
              ) : (
                <strong>{team.name}</strong>
              )}
              <p>
                {team.role === "instructor"
                  ? `You instruct this team. Invite code ${team.inviteCode}`
                  : "You are a member."}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>You are not in a team yet.</p>
      )}

      <section aria-labelledby="join-heading">
        <h2 id="join-heading">Join a team</h2>
        <ActionForm
          action={joinTeamAction}
          submitLabel="Join team"
          pendingLabel="Joining…"
          variant={canCreate ? "secondary" : "primary"}
        >
          <div className="field">
            <label htmlFor="code">Invite code</label>
            <input
              id="code"
              name="code"
              autoComplete="off"
              placeholder="ABCD-2345"
              required
              maxLength={40}
            />
          </div>
        </ActionForm>
      </section>

      {canCreate ? (
        <section aria-labelledby="create-heading">
          <h2 id="create-heading">Create a team</h2>
          <ActionForm
            action={createTeamAction}
            submitLabel="Create team"
            pendingLabel="Creating…"
            variant="primary"
          >
            <div className="field">
              <label htmlFor="team-name">Team name</label>
              <input id="team-name" name="name" required maxLength={80} />
            </div>
          </ActionForm>
        </section>
      ) : null}

      {canCreate ? (
        <section aria-labelledby="authoring-heading">
          <h2 id="authoring-heading">Check a note before it is a lesson</h2>
          <p>
            Paste or upload a markdown note to see its lesson, the quiz items it gives and every
            warning, without saving anything: <Link href="/authoring/preview">Preview a note</Link>.
          </p>
        </section>
      ) : null}

      {all.length > 0 ? (
        <section aria-labelledby="all-heading">
          <h2 id="all-heading">All teams (admin)</h2>
          <DataTable columns={["Team", "Learners", "Invite code"]} layout="cards">
            {all.map((team) => (
              <tr key={team.id}>
                <th scope="row">
                  <Link href={`/teams/${team.id}`}>{team.name}</Link>
                </th>
                <td data-label="Learners">{team.members}</td>
                <td data-label="Invite code">
                  <code>{team.inviteCode}</code>
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      ) : null}
    </div>
  );
}
