import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { ButtonLink } from "@/components/ui/button";
import { inviteCodeSchema } from "@/lib/validation/teams";
import { getCurrentUser } from "@/server/auth/current-user";
import { joinByLinkAction } from "./actions";

export const metadata: Metadata = { title: "Join a team" };

/**
 * An invite link. The page does not look the code up: a page that named the team for any code would
 * let a script try codes as fast as it can load pages. The code is checked when the learner presses
 * Join, a POST that is rate-limited per learner and per address, and names the team on success.
 */
export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const parsed = inviteCodeSchema.safeParse(decodeURIComponent((await params).code));
  if (!parsed.success) {
    return (
      <div>
        <h1>This invite link does not work</h1>
        <p>
          Check that the whole link was copied, or ask your instructor for the team&apos;s code.
        </p>
      </div>
    );
  }
  const user = await getCurrentUser();
  const here = `/join/${encodeURIComponent(parsed.data)}`;
  return (
    <div>
      <h1>Join a team</h1>
      <p>
        You have an invite to a team, with the code <strong>{parsed.data}</strong>. Its instructors
        will see your progress on the lessons and quizzes.
      </p>
      {user ? (
        <ActionForm
          action={joinByLinkAction}
          submitLabel="Join the team"
          pendingLabel="Joining…"
          variant="primary"
        >
          <input type="hidden" name="code" value={parsed.data} />
        </ActionForm>
      ) : (
        <p className="actions">
          <ButtonLink variant="primary" href={`/signup?callbackUrl=${encodeURIComponent(here)}`}>
            Create an account to join
          </ButtonLink>
          <ButtonLink href={`/signin?callbackUrl=${encodeURIComponent(here)}`}>
            Sign in to join
          </ButtonLink>
        </p>
      )}
      <p>
        <Link href="/lessons">Go to the lessons</Link>
      </p>
    </div>
  );
}
