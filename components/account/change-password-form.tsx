"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { ErrorBody, FieldErrors } from "@/lib/contracts/errors";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/auth";

export function ChangePasswordForm() {
  const [fields, setFields] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setFields({});
    setMessage(null);
    const response = await fetch("/api/me/password", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        currentPassword: form.get("currentPassword"),
        newPassword: form.get("newPassword"),
      }),
    }).catch(() => null);
    if (response?.ok) {
      // The change ended this session too: sign the browser out (its cookie is now refused anyway)
      // with a full page load, so that every island on the sign-in page starts signed out.
      await signOut({ callbackUrl: `/signin?callbackUrl=${encodeURIComponent("/account")}` });
      return;
    }
    setPending(false);
    const payload = (await response?.json().catch(() => null)) as ErrorBody | null;
    setFields(payload?.error?.fields ?? {});
    setMessage(payload?.error?.message ?? "Could not change the password. Try again.");
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <TextField
        id="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        errors={fields.currentPassword}
      />
      <TextField
        id="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        required
        errors={fields.newPassword}
      />
      <p className="form-error" role="alert" hidden={!message}>
        {message}
      </p>
      <Button variant="primary" type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password and sign out everywhere"}
      </Button>
    </form>
  );
}
