import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { DataTable } from "@/components/ui/data-table";
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
  // Only the team's instructors and admins may see its learners; to anyone else they do not exist.
  const history = await orNotFound(
    getLearnerHistory(getDb(), user, teamId.data, userId.data),
    [403, 404],
  );
  return (
    <div>
      <header className="page-header">
        <p className="eyebrow">
          <Link href={`/teams/${teamId.data}`}>Team</Link> / learner
        </p>
        <h1>{history.learner.name}</h1>
        <p>
          {history.learner.email} · last active{" "}
          {history.learner.lastActiveAt?.slice(0, 16).replace("T", " ") ?? "never"}
        </p>
      </header>
      <h2>Attempt history</h2>
      {history.attempts.length === 0 ? <p>No submitted attempts yet.</p> : null}
      {history.attempts.map((attempt) => (
        <details key={attempt.attemptId} className="result" open={history.attempts.length <= 3}>
          <summary>
            {attempt.kind === "review" ? "Review" : attempt.noteSlug} · {attempt.correct}/
            {attempt.total} ({scorePercent(attempt)}%) ·{" "}
            {attempt.submittedAt?.slice(0, 16).replace("T", " ")}
          </summary>
          <DataTable columns={["Control", "Answer", "Expected", "Result"]}>
            {attempt.answers.map((answer) => (
              <tr key={answer.itemId}>
                <th scope="row">{answer.prompt}</th>
                <td>{answer.choice ? <OwnerBadge owner={answer.choice} /> : "—"}</td>
                <td>
                  <OwnerBadge owner={answer.expected} />
                </td>
                <td>{answer.correct ? "✓ Right" : "✗ Wrong"}</td>
              </tr>
            ))}
          </DataTable>
        </details>
      ))}
      <h2>Membership</h2>
      <ActionForm
        action={removeMemberAction}
        submitLabel="Remove from team"
        confirm={`Remove ${history.learner.name} from the team? Their own progress is kept.`}
      >
        <input type="hidden" name="teamId" value={teamId.data} />
        <input type="hidden" name="userId" value={userId.data} />
      </ActionForm>
    </div>
  );
}
