"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/lib/contracts/action-state";
import { digestPreferenceSchema } from "@/lib/validation/account";
import { setWeeklyDigest } from "@/server/account/digest";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { formFields, parseForm, runAction } from "@/server/http/action";

// An action is a public endpoint: it checks the user itself, and changes only their own setting.

export async function setWeeklyDigestAction(
  _state: ActionState,
  form: unknown,
): Promise<ActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const { weeklyDigest } = parseForm(digestPreferenceSchema, formFields(form, "weeklyDigest"));
    await setWeeklyDigest(getDb(), user.id, weeklyDigest === "on");
    revalidatePath("/account");
    return weeklyDigest === "on"
      ? "The weekly digest is on."
      : "The weekly digest is off. You will get no more of it.";
  });
}
