"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { safeCallbackUrl } from "@/lib/validation/safe-callback";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const destination = safeCallbackUrl(callbackUrl);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => null);
    setPending(false);
    if (!result?.ok || result.error) {
      // The server's own words when it locked the account or awaits its email's confirmation (both
      // only after the right password); otherwise never say which of the two was wrong.
      setError(
        result?.error?.startsWith("Too many attempts") ||
          result?.error?.startsWith("Check your email")
          ? result.error
          : "Email or password is not right. Try again.",
      );
      return;
    }
    // A full load, so that every island on the next page sees the new session.
    window.location.assign(destination);
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="email" required />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
      </div>
      <p className="form-error" role="alert" hidden={!error}>
        {error}
      </p>
      <Button variant="primary" type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p>
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New here?{" "}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(destination)}`}>
          Create an account
        </Link>
      </p>
    </form>
  );
}
