"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { FieldErrors } from "@/lib/contracts/errors";
import { postJson } from "@/lib/http/post-json";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/auth";

export function ResetPasswordForm({ token }: { token: string }) {
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    setError(null);
    setFields({});
    if (password !== String(form.get("confirm") ?? "")) {
      setFields({ confirm: ["The two passwords are not the same."] });
      return;
    }
    setPending(true);
    const result = await postJson<unknown>(
      "/api/auth/password-reset/confirm",
      { token, password },
      "Could not reset the password.",
    );
    setPending(false);
    if (!result.ok) {
      setFields(result.fields);
      setError(result.message);
      return;
    }
    setDone(true);
  }

  if (done) {
    return (
      <div role="status">
        <p>Your password is changed, and every session of your account has ended.</p>
        <p>
          <Link href="/signin">Sign in with your new password</Link>
        </p>
      </div>
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <TextField
        id="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        errors={fields.password}
      />
      <TextField
        id="confirm"
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        required
        errors={fields.confirm}
      />
      <p className="form-error" role="alert" hidden={!error}>
        {error} {error ? <Link href="/forgot-password">Ask for a new link</Link> : null}
      </p>
      <Button variant="primary" type="submit" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
