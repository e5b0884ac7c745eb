"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { PasswordResetRequested } from "@/lib/contracts/account";
import type { FieldErrors } from "@/lib/contracts/errors";
import { postJson } from "@/lib/http/post-json";

export function ForgotPasswordForm() {
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    setFields({});
    const result = await postJson<PasswordResetRequested>(
      "/api/auth/password-reset",
      { email: String(form.get("email") ?? "") },
      "Could not ask for a reset link.",
    );
    setPending(false);
    if (!result.ok) {
      setFields(result.fields);
      setError(result.message);
      return;
    }
    setSent(result.data.message);
  }

  if (sent) {
    return (
      <p role="status" className="form-intro">
        {sent} Check your inbox, and your spam folder.
      </p>
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <TextField
        id="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        errors={fields.email}
      />
      <p className="form-error" role="alert" hidden={!error}>
        {error}
      </p>
      <Button variant="primary" type="submit" disabled={pending}>
        {pending ? "Sending…" : "Email me a reset link"}
      </Button>
    </form>
  );
}
