import { listBlockedIdentities } from "@/server/admin/blocked-identities";
import { requireRole } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { route } from "@/server/http/route";

/** GET: the IdP identities refused at sign-in, newest first (admins only). */
export const GET = route(async () => {
  const admin = await requireRole("ADMIN");
  return Response.json(await listBlockedIdentities(getDb(), admin));
});
