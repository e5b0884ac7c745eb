import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { confirmEmailAction, resendVerificationAction } from "./actions";

export const metadata: Metadata = { title: "Confirm your email" };

/**
 * The link from the sign-up email lands here. Opening it changes nothing: the button does, so a
 * mail scanner that fetches every link in a message cannot use the token up.
 */
export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  return (
    <div>
      <h1>Confirm your email</h1>
      {typeof token === "string" && token ? (
        <>
          <p className="form-intro">
            Confirm that this address is yours to finish creating your account.
          </p>
          <ActionForm
            action={confirmEmailAction}
            submitLabel="Confirm my email"
            pendingLabel="Confirming…"
            variant="primary"
          >
            <input type="hidden" name="token" value={token} />
          </ActionForm>
          <p>
            Then <Link href="/signin">sign in</Link>.
          </p>
        </>
      ) : (
        <p>Open the link from the email we sent when you created your account.</p>
      )}
      <h2>No email, or the link has expired?</h2>
      <ActionForm
        action={resendVerificationAction}
        submitLabel="Send a new link"
        pendingLabel="Sending…"
      >
        <div className="field">
          <label htmlFor="resend-email">Email</label>
          <input id="resend-email" name="email" type="email" autoComplete="email" required />
        </div>
      </ActionForm>
    </div>
  );
}
