import { listUsers } from "@/server/admin/change-role";
import { requireRole } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { route } from "@/server/http/route";

export const GET = route(async () => {
  const user = await requireRole("ADMIN");
  return Response.json(await listUsers(getDb(), user));
});
