import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import type { CurrentUser } from "@/lib/contracts/session";
import { getDb } from "@/server/db/client";
import { SESSION_COOKIE, sessionTooOld } from "./options";
import { getAuthSecret } from "./secret";

/**
 * The one way to learn who is asking. Decodes the session cookie, then checks the user still exists
 * and the token's sessionVersion is current, reading the role fresh from the database.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const raw = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!raw) return null;
  const token = await decode({ token: raw, secret: getAuthSecret() }).catch(() => null);
  if (!token || typeof token.uid !== "string" || sessionTooOld(token.authTime)) return null;
  const user = await getDb().user.findUnique({
    where: { id: token.uid },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      sessionVersion: true,
      deletedAt: true,
    },
  });
  if (!user || user.deletedAt || user.sessionVersion !== token.sv) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
});
