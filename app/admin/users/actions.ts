"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { changeRoleSchema } from "@/lib/validation/teams";
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
    await deleteUser(getDb(), actor, userId, await currentRequestAddress());
    revalidatePath("/admin/users");
    // The form's own outcome would vanish with its row: the page says it instead.
    redirect("/admin/users?deleted=1");
  });
}
