"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { idSchema } from "@/lib/validation/common";
import { changeRoleSchema } from "@/lib/validation/teams";
import { unblockIdentity } from "@/server/admin/blocked-identities";
import { changeRole } from "@/server/admin/change-role";
import { deleteUser } from "@/server/admin/delete-user";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import type { ActionState } from "@/lib/contracts/action-state";
import { formFields, parseForm, runAction } from "@/server/http/action";

export async function changeRoleAction(_state: ActionState, form: unknown): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    const { userId, role } = parseForm(changeRoleSchema, formFields(form, "userId", "role"));
    const user = await changeRole(getDb(), actor, userId, role, await currentRequestAddress());
    revalidatePath("/admin/users");
    return `${user.email} is now ${user.role.toLowerCase()}.`;
  });
}

export async function deleteUserAction(_state: ActionState, form: unknown): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    const { userId } = parseForm(
      changeRoleSchema.pick({ userId: true }),
      formFields(form, "userId"),
    );
    // A checkbox: sent as "on" when ticked, absent otherwise.
    const blockSso = formFields(form, "blockSso").blockSso === "on";
    await deleteUser(getDb(), actor, userId, await currentRequestAddress(), { blockSso });
    revalidatePath("/admin/users");
    // The form's own outcome would vanish with its row: the page says it instead.
    redirect("/admin/users?deleted=1");
  });
}

export async function unblockIdentityAction(
  _state: ActionState,
  form: unknown,
): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    const { id } = parseForm(z.strictObject({ id: idSchema }), formFields(form, "id"));
    await unblockIdentity(getDb(), actor, id, await currentRequestAddress());
    revalidatePath("/admin/users");
    // The form's own outcome would vanish with its row: the page says it instead.
    redirect("/admin/users?unblocked=1");
  });
}
