"use server";

import { revalidatePath } from "next/cache";
import { changeRoleSchema } from "@/lib/validation/teams";
import { changeRole } from "@/server/admin/change-role";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import type { ActionState } from "@/lib/contracts/action-state";
import { formFields, parseForm, runAction } from "@/server/http/action";

export async function changeRoleAction(_state: ActionState, form: unknown): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    const { userId, role } = parseForm(changeRoleSchema, formFields(form, "userId", "role"));
    const user = await changeRole(getDb(), actor, userId, role);
    revalidatePath("/admin/users");
    return `${user.email} is now ${user.role.toLowerCase()}.`;
  });
}
