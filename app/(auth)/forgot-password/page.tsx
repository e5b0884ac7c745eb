import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { credentialsEnabled } from "@/server/auth/sso/sso-settings";
import { emailEnabled } from "@/server/mail/send-mail";

export const metadata: Metadata = { title: "Forgot your password?" };

export default async function ForgotPasswordPage() {
  // Per request: whether email is set up is the running server's setting, not the build's.
  await connection();
  if (!credentialsEnabled()) {
    return (
      <div>
        <h1>Forgot your password?</h1>
        <p>
          This server signs people in with single sign-on only, so there is no password to reset
          here. <Link href="/signin">Sign in</Link>
        </p>
      </div>
    );
  }
  return (
    <div>
      <h1>Forgot your password?</h1>
      {emailEnabled() ? (
        <>
          <p className="form-intro">
            Enter your account&apos;s email. We send a link that lets you choose a new password; it
            works once, for 30 minutes, and using it signs you out everywhere.
          </p>
          <ForgotPasswordForm />
        </>
      ) : (
        <p role="status">
          Email is not set up on this server, so it cannot send you a reset link. Ask an
          administrator: they can make a one-time reset link for your account.
        </p>
      )}
      <p>
        Remembered it? <Link href="/signin">Sign in</Link>
      </p>
    </div>
  );
}
