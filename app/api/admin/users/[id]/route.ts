import { idSchema } from "@/lib/validation/common";
import { changeRoleSchema } from "@/lib/validation/teams";
import { changeRole } from "@/server/admin/change-role";
import { deleteUser } from "@/server/admin/delete-user";
import { requireRole } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { notFound } from "@/server/http/errors";
import { readJson, route } from "@/server/http/route";

type Context = { params: Promise<{ id: string }> };

const bodySchema = changeRoleSchema.pick({ role: true });

async function readUserId({ params }: Context): Promise<string> {
  const id = idSchema.safeParse((await params).id);
  if (!id.success) throw notFound("User");
  return id.data;
}

/** PATCH { role }: changes a user's role (admins only); it applies on the user's next request. */
export const PATCH = route(async (request, context: Context) => {
  const actor = await requireRole("ADMIN");
  const userId = await readUserId(context);
  const { role } = await readJson(request, bodySchema);
  return Response.json(
    await changeRole(getDb(), actor, userId, role, await currentRequestAddress()),
  );
});

/**
 * DELETE: deletes the account (admins only); 409 for the last admin. Its IdP identities are
 * blocked too, as the admin page's box is ticked by default, unless `?blockSso=false`.
 */
export const DELETE = route(async (request, context: Context) => {
  const actor = await requireRole("ADMIN");
  const userId = await readUserId(context);
  const blockSso = new URL(request.url).searchParams.get("blockSso") !== "false";
  await deleteUser(getDb(), actor, userId, await currentRequestAddress(), { blockSso });
  return new Response(null, { status: 204 });
});
