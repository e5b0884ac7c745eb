"use server";

import { redirect } from "next/navigation";
import { joinTeamSchema } from "@/lib/validation/teams";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import type { ActionState } from "@/lib/contracts/action-state";
import { formFields, parseForm, runAction } from "@/server/http/action";
import { currentRequestAddress } from "@/server/http/client-address";
import { enforceRateLimit, LIMITS } from "@/server/http/rate-limit";
import { joinTeam } from "@/server/teams/join-team";

/** Joining from an invite link: on success the learner lands on their teams. */
export async function joinByLinkAction(_state: ActionState, form: unknown): Promise<ActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const { code } = parseForm(joinTeamSchema, formFields(form, "code"));
    const db = getDb();
    const address = await currentRequestAddress();
    await enforceRateLimit(db, LIMITS.teamJoin, { userId: user.id, address });
    const team = await joinTeam(db, user, code, address);
    redirect(`/teams?joined=${encodeURIComponent(team.id)}`);
  });
}
