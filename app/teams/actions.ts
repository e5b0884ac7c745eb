"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idSchema } from "@/lib/validation/common";
import { createTeamSchema, joinTeamSchema } from "@/lib/validation/teams";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import type { ActionState } from "@/lib/contracts/action-state";
import { formFields, parseForm, runAction } from "@/server/http/action";
import { currentRequestAddress } from "@/server/http/client-address";
import { enforceRateLimit, LIMITS } from "@/server/http/rate-limit";
import { createTeam } from "@/server/teams/create-team";
import { deleteTeam } from "@/server/teams/delete-team";
import { joinTeam } from "@/server/teams/join-team";
import { removeMember, rotateInviteCode } from "@/server/teams/manage-team";

// Each action checks the user and their rights itself (in server/teams): an action is a public endpoint.

const teamIdSchema = z.strictObject({ teamId: idSchema });
const memberSchema = z.strictObject({ teamId: idSchema, userId: idSchema });

export async function createTeamAction(_state: ActionState, form: unknown): Promise<ActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const { name } = parseForm(createTeamSchema, formFields(form, "name"));
    const team = await createTeam(getDb(), user, name, await currentRequestAddress());
    redirect(`/teams/${team.id}`);
  });
}

export async function joinTeamAction(_state: ActionState, form: unknown): Promise<ActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const { code } = parseForm(joinTeamSchema, formFields(form, "code"));
    const db = getDb();
    const address = await currentRequestAddress();
    await enforceRateLimit(db, LIMITS.teamJoin, { userId: user.id, address });
    const team = await joinTeam(db, user, code, address);
    revalidatePath("/teams");
    return `You joined ${team.name}.`;
  });
}

export async function rotateInviteCodeAction(
  _state: ActionState,
  form: unknown,
): Promise<ActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const { teamId } = parseForm(teamIdSchema, formFields(form, "teamId"));
    const team = await rotateInviteCode(getDb(), user, teamId, await currentRequestAddress());
    revalidatePath(`/teams/${teamId}`);
    return `New invite code: ${team.inviteCode}. The old code no longer works.`;
  });
}

export async function removeMemberAction(_state: ActionState, form: unknown): Promise<ActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const { teamId, userId } = parseForm(memberSchema, formFields(form, "teamId", "userId"));
    await removeMember(getDb(), user, teamId, userId, await currentRequestAddress());
    redirect(`/teams/${teamId}`);
  });
}

export async function deleteTeamAction(_state: ActionState, form: unknown): Promise<ActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const { teamId } = parseForm(teamIdSchema, formFields(form, "teamId"));
    await deleteTeam(getDb(), user, teamId, await currentRequestAddress());
    revalidatePath("/teams");
    redirect("/teams?deleted=1");
  });
}
