"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { safeCallbackUrl } from "@/lib/validation/safe-callback";

/** Starts the redirect to the organisation's identity provider (next-auth provider "oidc"). */
export function SsoSignInButton({
  idpName,
  callbackUrl,
  primary,
}: {
  idpName: string;
  callbackUrl?: string;
  primary: boolean;
}) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant={primary ? "primary" : "secondary"}
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("oidc", { callbackUrl: safeCallbackUrl(callbackUrl) });
      }}
    >
      {pending ? `Going to ${idpName}…` : `Sign in with ${idpName}`}
    </Button>
  );
}
