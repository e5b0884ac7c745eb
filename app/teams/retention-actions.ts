"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/lib/contracts/action-state";
import { desiredRetentionSchema } from "@/lib/validation/teams";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { formFields, parseForm, runAction } from "@/server/http/action";
import { setDesiredRetention } from "@/server/teams/desired-retention";

// The action checks the user and their rights itself (setDesiredRetention asks requireTeamManager):
// an action is a public endpoint.

export async function setDesiredRetentionAction(
  _state: ActionState,
  form: unknown,
): Promise<ActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const { teamId, desiredRetention } = parseForm(
      desiredRetentionSchema,
      formFields(form, "teamId", "desiredRetention"),
    );
    await setDesiredRetention(getDb(), user, teamId, desiredRetention);
    revalidatePath(`/teams/${teamId}`);
    return `Desired retention is now ${desiredRetention.toFixed(2)}. Each learner's next answers follow it.`;
  });
}
