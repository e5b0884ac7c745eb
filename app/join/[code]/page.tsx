import type { Metadata } from "next";
import Link from "next/link";
import { inviteCodeSchema } from "@/lib/validation/teams";
import { ActionForm } from "@/components/ui/action-form";
import { getCurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { findTeamByCode } from "@/server/teams/join-team";
import { joinByLinkAction } from "./actions";

export const metadata: Metadata = { title: "Join a team" };

export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const parsed = inviteCodeSchema.safeParse(decodeURIComponent((await params).code));
  const team = parsed.success ? await findTeamByCode(getDb(), parsed.data) : null;
  if (!team || !parsed.success) {
    return (
      <div>
        <h1>This invite link does not work</h1>
        <p>
          The code may have been replaced by a new one. Ask your instructor for the current link or
          code.
        </p>
      </div>
    );
  }
  const user = await getCurrentUser();
  const here = `/join/${encodeURIComponent(parsed.data)}`;
  return (
    <div>
      <h1>Join {team.name}</h1>
      {user ? (
        <ActionForm
          action={joinByLinkAction}
          submitLabel={`Join ${team.name}`}
          pendingLabel="Joining…"
        >
          <input type="hidden" name="code" value={parsed.data} />
        </ActionForm>
      ) : (
        <p>
          <Link className="button primary" href={`/signup?callbackUrl=${encodeURIComponent(here)}`}>
            Create an account to join
          </Link>{" "}
          or <Link href={`/signin?callbackUrl=${encodeURIComponent(here)}`}>sign in</Link>.
        </p>
      )}
      <p>
        <Link href="/lessons">Go to the lessons</Link>
      </p>
    </div>
  );
}
