"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { SignedUp } from "@/lib/contracts/account";
import type { FieldErrors } from "@/lib/contracts/errors";
import { postJson } from "@/lib/http/post-json";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/auth";
import { safeCallbackUrl } from "@/lib/validation/safe-callback";

export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [checkEmail, setCheckEmail] = useState<string | null>(null);
  const destination = safeCallbackUrl(callbackUrl);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    setPending(true);
    setError(null);
    setFields({});
    const result = await postJson<SignedUp>(
      "/api/auth/signup",
      body,
      "Could not create the account.",
    );
    if (!result.ok) {
      setPending(false);
      setFields(result.fields);
      setError(result.message);
      return;
    }
    if ("verifyEmail" in result.data) {
      setPending(false);
      setCheckEmail(body.email);
      return;
    }
    await signIn("credentials", { email: body.email, password: body.password, redirect: false });
    window.location.assign(destination);
  }

  if (checkEmail) {
    return (
      <p role="status" className="form-intro">
        Your account is created. Check your email: we sent a link to {checkEmail}. Open it to
        confirm your address, then sign in.
      </p>
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <TextField id="name" label="Display name" autoComplete="name" required errors={fields.name} />
      <TextField
        id="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        errors={fields.email}
      />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        errors={fields.password}
      />
      <p className="form-error" role="alert" hidden={!error}>
        {error}
      </p>
      <Button variant="primary" type="submit" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </Button>
      <p>
        Have an account?{" "}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(destination)}`}>Sign in</Link>
      </p>
    </form>
  );
}
