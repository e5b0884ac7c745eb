import { idSchema } from "@/lib/validation/common";
import { createResetLink } from "@/server/account/password-reset";
import { requireRole } from "@/server/auth/require-user";
import { requireCredentialsEnabled } from "@/server/auth/sso/sso-settings";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { notFound } from "@/server/http/errors";
import { route } from "@/server/http/route";

type Context = { params: Promise<{ id: string }> };

/** POST → 201 { url, expiresAt }: a one-time reset link for the user (admins only), shown once. */
export const POST = route(async (_request, { params }: Context) => {
  const admin = await requireRole("ADMIN");
  requireCredentialsEnabled();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) throw notFound("User");
  const link = await createResetLink(getDb(), admin, id.data, {
    address: await currentRequestAddress(),
  });
  return Response.json(link, { status: 201 });
});
