import { idSchema } from "@/lib/validation/common";
import { changeRoleSchema } from "@/lib/validation/teams";
import { changeRole } from "@/server/admin/change-role";
import { requireRole } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { notFound } from "@/server/http/errors";
import { readJson, route } from "@/server/http/route";

type Context = { params: Promise<{ id: string }> };

const bodySchema = changeRoleSchema.pick({ role: true });

/** PATCH { role }: changes a user's role (admins only); it applies on the user's next request. */
export const PATCH = route(async (request, { params }: Context) => {
  const actor = await requireRole("ADMIN");
  const id = idSchema.safeParse((await params).id);
  if (!id.success) throw notFound("User");
  const userId = id.data;
  const { role } = await readJson(request, bodySchema);
  return Response.json(await changeRole(getDb(), actor, userId, role));
});
