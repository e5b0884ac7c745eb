import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import type { CurrentUser } from "@/lib/contracts/session";
import { getDb } from "@/server/db/client";
import { SESSION_COOKIE, sessionTooOld } from "./options";
import { getAuthSecret } from "./secret";

/** The session cookie's token, decoded, or null; once per request. */
const readSessionToken = cache(async () => {
  const raw = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!raw) return null;
  return decode({ token: raw, secret: getAuthSecret() }).catch(() => null);
});

/**
 * The one way to learn who is asking. Decodes the session cookie, then checks the user still exists
 * and the token's sessionVersion is current, reading the role fresh from the database.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const token = await readSessionToken();
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

/**
 * When the current session signed in (its token's authTime, set at sign-in and kept as the cookie
 * is renewed), or null without a valid session. For what needs a recent sign-in.
 */
export async function getSessionSignedInAt(): Promise<Date | null> {
  if (!(await getCurrentUser())) return null;
  const authTime = (await readSessionToken())?.authTime;
  return typeof authTime === "number" ? new Date(authTime * 1000) : null;
}
