import NextAuth from "next-auth";
import { getAuthOptions } from "@/server/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per request: the secret may be created on first use (see server/auth/secret.ts).
async function handler(request: Request, context: Context) {
  return NextAuth(request as never, { params: await context.params } as never, getAuthOptions());
}

export { handler as GET, handler as POST };
