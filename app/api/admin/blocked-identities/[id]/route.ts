import { idSchema } from "@/lib/validation/common";
import { unblockIdentity } from "@/server/admin/blocked-identities";
import { requireRole } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { notFound } from "@/server/http/errors";
import { route } from "@/server/http/route";

type Context = { params: Promise<{ id: string }> };

/** DELETE: lifts the block; the identity's next sign-in makes an account again (admins only). */
export const DELETE = route(async (_request, { params }: Context) => {
  const admin = await requireRole("ADMIN");
  const id = idSchema.safeParse((await params).id);
  if (!id.success) throw notFound("Blocked identity");
  await unblockIdentity(getDb(), admin, id.data, await currentRequestAddress());
  return new Response(null, { status: 204 });
});
