import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { tooManyAttemptsMessage } from "@/lib/auth/throttle";
import { resolveDeployment } from "@/lib/deployment";
import { signInSchema } from "@/lib/validation/auth";
import { safeRedirectUrl } from "@/lib/validation/safe-callback";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { authLogger } from "./auth-logger";
import { currentRequestAddress } from "@/server/http/client-address";
import { ssoIdentityFromClaims } from "@/lib/validation/sso";
import { oidcProvider } from "./sso/oidc-provider";
import { completeSsoSignIn, ssoSessionUser } from "./sso/complete-sso-sign-in";
import { OIDC_PROVIDER } from "./sso/sign-in-with-sso";
import { credentialsEnabled, ssoSettings } from "./sso/sso-settings";
import { isDemoEmail } from "@/server/seed/seed-demo";
import { signInRefusal } from "@/server/account/email-verification";
import {
  accountSlowdownMs,
  claimSignInTry,
  clearFailedSignIns,
  recordFailedSignIn,
  signInKeys,
} from "./login-throttle";
import { verifyAccountPassword } from "./password";
import { recordSignIn, recordSignInFailure } from "./record-sign-in";
import { getAuthSecret } from "./secret";

const secureCookies = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
export const SESSION_COOKIE = `${secureCookies ? "__Secure-" : ""}next-auth.session-token`;

/** True when a session began longer ago than SESSION_MAX_HOURS: the absolute limit behind the idle one. */
export function sessionTooOld(authTime: unknown, now = Date.now()): boolean {
  return typeof authTime !== "number" || now / 1000 - authTime > getEnv().SESSION_MAX_HOURS * 3600;
}

/**
 * next-auth with credentials and, when configured, OpenID Connect, with JWT sessions. The token
 * carries only the user id and the user's sessionVersion; getCurrentUser() reads the role from the
 * database on every request, so a role change or a sign-out elsewhere takes effect at once, and
 * several app instances need no shared memory. Built per request because the secret may be created
 * on first use.
 */
export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  const idleSeconds = env.SESSION_IDLE_MINUTES * 60;
  const sso = ssoSettings();
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
      ...(sso.client ? [oidcProvider(sso.client)] : []),
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials) {
          // Offered or not, the endpoint still answers: it must refuse when passwords are off.
          if (!credentialsEnabled()) return null;
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          // Besides the seed's refusal to start: a server open to the network never signs in a demo
          // account, whose password the README publishes.
          if (isDemoEmail(parsed.data.email) && !resolveDeployment(process.env).local) return null;
          const db = getDb();
          const address = await currentRequestAddress();
          const keys = signInKeys(parsed.data.email, address);
          const now = new Date();
          // A try refused by a lock is not recorded one by one (a flood would fill the append-only
          // trail); the lock itself is, once, as "auth.lockout".
          const locked = await claimSignInTry(db, keys, now);
          // next-auth hands a thrown message to the sign-in page, which shows it as it is.
          if (locked) throw new Error(tooManyAttemptsMessage(locked, now));
          const wait = await accountSlowdownMs(db, keys);
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          const user = await db.user.findUnique({ where: { email: parsed.data.email } });
          const valid = await verifyAccountPassword(user?.passwordHash, parsed.data.password);
          if (!user || !valid) {
            await recordFailedSignIn(db, keys, now);
            // Written for a known and an unknown email alike, so that timing tells neither apart.
            // An unknown email names nobody and may be a stranger's: the entry keeps none of it.
            await recordSignInFailure(db, {
              via: "password",
              reason: user ? "wrong_password" : "unknown_email",
              target: user ? { type: "user", id: user.id } : null,
              address,
            });
            return null;
          }
          await clearFailedSignIns(db, keys);
          const refusal = await signInRefusal(db, user);
          if (refusal) {
            await recordSignInFailure(db, {
              via: "password",
              reason: "email_unverified",
              target: { type: "user", id: user.id },
              address,
            });
            throw new Error(refusal);
          }
          await recordSignIn(db, user.id, "password", address);
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
      // Where sign-in and sign-out send the browser: on this site, and never a 500 for a
      // callbackUrl that is not a URL (next-auth's default parses it unguarded).
      redirect: ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
      // SSO: find or make the account here, or send the browser back to /signin with the reason.
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER) return true;
        const identity = ssoIdentityFromClaims(profile, sso.groupsClaim);
        if (!identity) return "/signin?error=OAuthCallback";
        return completeSsoSignIn(getDb(), identity, {
          teams: sso.teams,
          requireVerifiedEmail: env.REQUIRE_EMAIL_VERIFICATION,
          address: await currentRequestAddress(),
        });
      },
      async jwt({ token, user, account }) {
        if (user) {
          // An SSO user is ours by its link (made in signIn above), not the IdP's id.
          const signedIn =
            account?.provider === OIDC_PROVIDER
              ? await ssoSessionUser(getDb(), account.providerAccountId)
              : {
                  id: user.id,
                  sessionVersion: (user as { sessionVersion?: number }).sessionVersion,
                };
          // A new token at every sign-in: the session is renewed, never carried over.
          token.uid = signedIn?.id;
          token.sv = signedIn?.sessionVersion ?? 0;
          token.authTime = Math.floor(Date.now() / 1000);
        }
        return token;
      },
      async session({ session, token }) {
        const user =
          typeof token.uid === "string"
            ? await getDb().user.findUnique({ where: { id: token.uid } })
            : null;
        // A deleted account's sessionVersion moved on too; deletedAt is checked as well so that
        // no path that signs someone in (an SSO link made before the deletion) can revive it.
        if (
          !user ||
          user.deletedAt ||
          user.sessionVersion !== token.sv ||
          sessionTooOld(token.authTime)
        )
          return { expires: session.expires };
        return {
          ...session,
          user: { id: user.id, name: user.name, email: user.email, role: user.role },
        };
      },
    },
    events: {
      // Signing in is activity: the retention job (RETENTION_INACTIVE_DAYS) counts from it.
      async signIn({ user, account }) {
        // An SSO user is found by its link: `user.id` is then the IdP's subject, not ours.
        const who =
          account?.provider === OIDC_PROVIDER
            ? {
                ssoAccounts: {
                  some: { provider: OIDC_PROVIDER, subject: account.providerAccountId },
                },
              }
            : { id: user.id };
        await getDb().user.updateMany({
          where: { ...who, deletedAt: null },
          data: { lastActiveAt: new Date() },
        });
      },
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
