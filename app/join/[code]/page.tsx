import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { ButtonLink } from "@/components/ui/button";
import { inviteCodeSchema } from "@/lib/validation/teams";
import { getCurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { describeInvite } from "@/server/teams/describe-invite";
import { joinByLinkAction } from "./actions";

export const metadata: Metadata = { title: "Join a team" };

/** "Ada", "Ada and Bo", "Ada, Bo and Cy". */
const listOf = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;

/**
 * An invite link: the team it leads to and who instructs it, so that a learner knows whom they let
 * see their progress before they join. Naming the team is a look-up by code, limited per viewer and
 * per address (describeInvite), so the page cannot be used to find teams by trying codes.
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
  const invite = await describeInvite(getDb(), parsed.data, {
    userId: user?.id,
    address: await currentRequestAddress(),
  });
  if (invite === null) {
    return (
      <div>
        <h1>This invite link does not work</h1>
        <p>
          No team has the code <strong>{parsed.data}</strong>: it may have been changed. Ask your
          instructor for the team&apos;s current link.
        </p>
        <p>
          <Link href="/lessons">Go to the lessons</Link>
        </p>
      </div>
    );
  }
  const here = `/join/${encodeURIComponent(parsed.data)}`;
  return (
    <div>
      <h1>{invite === "limited" ? "Join a team" : `Join ${invite.team}`}</h1>
      {invite === "limited" ? (
        <p>
          You have an invite to a team, with the code <strong>{parsed.data}</strong>. Its
          instructors will see your progress on the lessons and quizzes.
        </p>
      ) : (
        <p>
          You have an invite to <strong>{invite.team}</strong> (code {parsed.data}).{" "}
          {invite.instructors.length > 0
            ? `Its ${invite.instructors.length === 1 ? "instructor" : "instructors"}, ${listOf(invite.instructors)}, will see`
            : "Its instructors will see"}{" "}
          your progress on the lessons and quizzes.
        </p>
      )}
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
