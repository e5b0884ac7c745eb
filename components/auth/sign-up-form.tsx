"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import type { ErrorBody, FieldErrors } from "@/lib/contracts/errors";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/auth";
import { safeCallbackUrl } from "@/lib/validation/safe-callback";

export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
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
    const response = await fetch("/api/auth/signup", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }).catch(() => null);
    if (!response) {
      setPending(false);
      setError("Could not reach the server. Check your connection and try again.");
      return;
    }
    if (!response.ok) {
      const payload = (await response.json().catch(() => null)) as ErrorBody | null;
      setPending(false);
      setFields(payload?.error?.fields ?? {});
      setError(payload?.error?.message ?? "Could not create the account.");
      return;
    }
    await signIn("credentials", { email: body.email, password: body.password, redirect: false });
    window.location.assign(destination);
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor="name">Display name</label>
        <input
          id="name"
          name="name"
          autoComplete="name"
          required
          aria-describedby="name-error"
          aria-invalid={Boolean(fields.name)}
        />
        <FieldError id="name-error" messages={fields.name} />
      </div>
      <div className="field">
        <label htmlFor="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          aria-describedby="email-error"
          aria-invalid={Boolean(fields.email)}
        />
        <FieldError id="email-error" messages={fields.email} />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          aria-describedby="password-hint password-error"
          aria-invalid={Boolean(fields.password)}
        />
        <p id="password-hint" className="field-hint">
          At least {PASSWORD_MIN_LENGTH} characters.
        </p>
        <FieldError id="password-error" messages={fields.password} />
      </div>
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
