"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/teams/copy-button";
import type { ResetLinkCreated } from "@/lib/contracts/account";
import type { ErrorBody } from "@/lib/contracts/errors";

/**
 * Makes a one-time reset link for a user and shows it once: the server keeps only its hash, so
 * leaving the page loses it (a new one can be made, which ends this one).
 */
export function ResetLinkButton({ userId, email }: { userId: string; email: string }) {
  const [link, setLink] = useState<ResetLinkCreated | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function create() {
    setPending(true);
    setError(null);
    const response = await fetch(`/api/admin/users/${encodeURIComponent(userId)}/reset-link`, {
      method: "POST",
    }).catch(() => null);
    setPending(false);
    if (!response?.ok) {
      const payload = (await response?.json().catch(() => null)) as ErrorBody | null;
      setError(payload?.error?.message ?? "Could not make a reset link.");
      return;
    }
    setLink((await response.json()) as ResetLinkCreated);
  }

  return (
    <div className="reset-link">
      <Button
        type="button"
        onClick={create}
        disabled={pending}
        aria-label={`Make a reset link for ${email}`}
      >
        {pending ? "Making…" : link ? "Make a new link" : "Reset link"}
      </Button>
      <div aria-live="polite">
        {link ? (
          <p>
            Give this link to {email} yourself; it is shown only now, works once, until{" "}
            {new Date(link.expiresAt).toLocaleString()}:{" "}
            <input
              readOnly
              value={link.url}
              aria-label={`Reset link for ${email}`}
              onFocus={(event) => event.currentTarget.select()}
            />{" "}
            <CopyButton text={link.url} label="Copy link" />
          </p>
        ) : null}
        {error ? <p className="form-error">{error}</p> : null}
      </div>
    </div>
  );
}
