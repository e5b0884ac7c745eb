import type { Metadata } from "next";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { ButtonLink } from "@/components/ui/button";
import { credentialsEnabled, ssoSettings } from "@/server/auth/sso/sso-settings";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  if (!credentialsEnabled()) {
    const idp = ssoSettings().client;
    return (
      <div>
        <h1>Create an account</h1>
        <p className="form-intro">
          {idp
            ? `Accounts here come from ${idp.name}: your first sign-in with it creates yours. There are no passwords to set.`
            : "Accounts here are not made with a password. Ask your administrator how to sign in."}
        </p>
        {idp ? (
          <ButtonLink variant="primary" href="/signin">
            Go to sign-in
          </ButtonLink>
        ) : null}
      </div>
    );
  }
  return (
    <div>
      <h1>Create an account</h1>
      <p className="form-intro">
        Free. It keeps your quiz scores and your review schedule, and lets you join a team.
      </p>
      <SignUpForm callbackUrl={callbackUrl} />
    </div>
  );
}
