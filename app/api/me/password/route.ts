import { changePasswordSchema } from "@/lib/validation/account";
import { changePassword } from "@/server/account/change-password";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { readJson, route } from "@/server/http/route";

/** POST { currentPassword, newPassword }: every session of the user ends, this one included. */
export const POST = route(async (request) => {
  const user = await requireUser();
  const { currentPassword, newPassword } = await readJson(request, changePasswordSchema);
  return Response.json(await changePassword(getDb(), user.id, currentPassword, newPassword));
});
