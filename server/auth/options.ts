import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { tooManyAttemptsMessage } from "@/lib/auth/throttle";
import { resolveDeployment } from "@/lib/deployment";
import { signInSchema } from "@/lib/validation/auth";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { authLogger } from "./auth-logger";
import { currentRequestAddress } from "@/server/http/client-address";
import { isDemoEmail } from "@/server/seed/seed-demo";
import {
  accountSlowdownMs,
  claimSignInTry,
  clearFailedSignIns,
  recordFailedSignIn,
  signInKeys,
} from "./login-throttle";
import { verifyAccountPassword } from "./password";
import { getAuthSecret } from "./secret";

const secureCookies = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
export const SESSION_COOKIE = `${secureCookies ? "__Secure-" : ""}next-auth.session-token`;

/** True when a session began longer ago than SESSION_MAX_HOURS: the absolute limit behind the idle one. */
export function sessionTooOld(authTime: unknown, now = Date.now()): boolean {
  return typeof authTime !== "number" || now / 1000 - authTime > getEnv().SESSION_MAX_HOURS * 3600;
}

/**
 * next-auth with credentials and JWT sessions. The token carries only the user id and the user's
 * sessionVersion; getCurrentUser() reads the role from the database on every request, so a role
 * change or a sign-out elsewhere takes effect at once, and several app instances need no shared
 * memory. Built per request because the secret may be created on first use.
 */
export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  const idleSeconds = env.SESSION_IDLE_MINUTES * 60;
  return {
    secret: getAuthSecret(),
    logger: authLogger,
    // A sliding window: every page load renews the cookie, so it expires after this long idle.
    session: {
      strategy: "jwt",
      maxAge: idleSeconds,
      updateAge: Math.min(300, Math.floor(idleSeconds / 4)),
    },
    pages: { signIn: "/signin" },
    cookies: {
      sessionToken: {
        name: SESSION_COOKIE,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies },
      },
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          // Besides the seed's refusal to start: a server open to the network never signs in a demo
          // account, whose password the README publishes.
          if (isDemoEmail(parsed.data.email) && !resolveDeployment(process.env).local) return null;
          const db = getDb();
          const keys = signInKeys(parsed.data.email, await currentRequestAddress());
          const now = new Date();
          const locked = await claimSignInTry(db, keys, now);
          // next-auth hands a thrown message to the sign-in page, which shows it as it is.
          if (locked) throw new Error(tooManyAttemptsMessage(locked, now));
          const wait = await accountSlowdownMs(db, keys);
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          const user = await db.user.findUnique({ where: { email: parsed.data.email } });
          const valid = await verifyAccountPassword(user?.passwordHash, parsed.data.password);
          if (!user || !valid) {
            await recordFailedSignIn(db, keys, now);
            return null;
          }
          await clearFailedSignIns(db, keys);
          return {
            id: user.id,
            name: user.name,
            email: user.email,
            sessionVersion: user.sessionVersion,
          };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          // A new token at every sign-in: the session is renewed, never carried over.
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
          token.authTime = Math.floor(Date.now() / 1000);
        }
        return token;
      },
      async session({ session, token }) {
        const user =
          typeof token.uid === "string"
            ? await getDb().user.findUnique({ where: { id: token.uid } })
            : null;
        if (!user || user.sessionVersion !== token.sv || sessionTooOld(token.authTime))
          return { expires: session.expires };
        return {
          ...session,
          user: { id: user.id, name: user.name, email: user.email, role: user.role },
        };
      },
    },
    events: {
      // Signing out ends this token everywhere: every token carrying the old version is refused.
      async signOut({ token }) {
        if (typeof token?.uid === "string") {
          await getDb().user.updateMany({
            where: { id: token.uid },
            data: { sessionVersion: { increment: 1 } },
          });
        }
      },
    },
  };
}
