import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SsoSignInButton } from "@/components/auth/sso-sign-in-button";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { credentialsEnabled, ssoSettings } from "@/server/auth/sso/sso-settings";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  const idp = ssoSettings().client;
  const passwords = credentialsEnabled();
  const message = signInErrorMessage(error, idp?.name ?? "single sign-on");
  return (
    <div>
      <h1>Sign in</h1>
      <p className="form-intro">Welcome back: your scores and reviews are where you left them.</p>
      {message ? (
        <p className="form-error form-intro" role="alert">
          {message}
        </p>
      ) : null}
      {idp ? (
        <div className="sso-sign-in">
          <SsoSignInButton idpName={idp.name} callbackUrl={callbackUrl} primary={!passwords} />
          {passwords ? <p className="sso-or">or sign in with your email and password</p> : null}
        </div>
      ) : null}
      {passwords ? <SignInForm callbackUrl={callbackUrl} /> : null}
      {!passwords && !idp ? (
        <p className="form-error form-intro" role="alert">
          Sign-in is turned off: password sign-in is disabled and no identity provider is set up.
          Ask your administrator.
        </p>
      ) : null}
    </div>
  );
}
