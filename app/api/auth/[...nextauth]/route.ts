import NextAuth from "next-auth";
import { getAuthOptions } from "@/server/auth/options";
import { repairCallbackUrl } from "@/server/auth/repair-callback-url";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per request: the secret may be created on first use (see server/auth/secret.ts).
async function handler(request: Request, context: Context) {
  const params = await context.params;
  // next-auth 4 folds an IdP's "access_denied" (the person refused consent) into its generic
  // "Callback" error; the sign-in page can say what happened only if it hears it first.
  if (
    request.method === "GET" &&
    params.nextauth.join("/") === "callback/oidc" &&
    new URL(request.url).searchParams.get("error") === "access_denied"
  )
    return new Response(null, {
      status: 302,
      headers: { location: "/signin?error=access_denied" },
    });
  const repaired = await repairCallbackUrl(request);
  if (repaired) return repaired;
  return NextAuth(request as never, { params } as never, getAuthOptions());
}

export { handler as GET, handler as POST };
