"use client";

import { signOut } from "next-auth/react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { TextField } from "@/components/ui/text-field";
import type { ErrorBody } from "@/lib/contracts/errors";

/** What the person types to confirm: a deliberate act, which no stray click or Enter can make. */
const CONFIRM_WORD = "DELETE";

interface DeleteAccountFormProps {
  /** The account signs in with a password, which the server asks for before deleting. */
  needsPassword: boolean;
  /** Without a password: how recent a sign-in the server asks for, and where it was made. */
  recentMinutes: number;
  idpName: string;
}

/**
 * "Delete my account": a button that opens a modal dialog asking the person to type DELETE and,
 * when the account has one, their password; a session cookie alone must not delete an account. The
 * deletion ends every session server-side; the browser is then signed out with a full page load and
 * lands on the home page, which says the account is gone.
 */
export function DeleteAccountForm({
  needsPassword,
  recentMinutes,
  idpName,
}: DeleteAccountFormProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const [passwordErrors, setPasswordErrors] = useState<string[] | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function open() {
    setTyped("");
    setMismatch(false);
    setPasswordErrors(undefined);
    setMessage(null);
    dialog.current?.showModal();
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = new FormData(event.currentTarget).get("deletePassword");
    if (typed.trim() !== CONFIRM_WORD) {
      setMismatch(true);
      return;
    }
    setPending(true);
    setPasswordErrors(undefined);
    setMessage(null);
    const response = await fetch("/api/me", {
      method: "DELETE",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(needsPassword ? { password: String(password ?? "") } : {}),
    }).catch(() => null);
    if (response?.status === 204) {
      await signOut({ callbackUrl: "/?deleted=1" });
      return;
    }
    setPending(false);
    const payload = (await response?.json().catch(() => null)) as ErrorBody | null;
    const fieldErrors = payload?.error?.fields?.password;
    if (fieldErrors) setPasswordErrors(fieldErrors);
    else setMessage(payload?.error?.message ?? "Could not delete the account. Try again.");
  }

  return (
    <>
      <Button variant="danger" onClick={open}>
        Delete my account…
      </Button>
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby="delete-account-title"
        aria-describedby="delete-account-what"
      >
        <form className="form" onSubmit={onSubmit} noValidate>
          <h2 id="delete-account-title">Delete your account?</h2>
          <p id="delete-account-what">
            Your name, email, password, teams and progress are erased and you are signed out
            everywhere. This cannot be undone.
          </p>
          {needsPassword ? null : (
            <p>
              You sign in with {idpName}: deleting takes a sign-in within the last {recentMinutes}{" "}
              minutes. If yours is older, sign out and sign in again first.
            </p>
          )}
          <div className="field">
            <label htmlFor="delete-confirm">Type {CONFIRM_WORD} to confirm</label>
            <input
              id="delete-confirm"
              name="confirm"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={typed}
              onChange={(event) => {
                setTyped(event.target.value);
                setMismatch(false);
              }}
              aria-invalid={mismatch}
              aria-describedby="delete-confirm-error"
            />
            <FieldError
              id="delete-confirm-error"
              messages={mismatch ? [`Type ${CONFIRM_WORD} in capitals to confirm.`] : undefined}
            />
          </div>
          {needsPassword ? (
            <TextField
              id="deletePassword"
              label="Your password"
              type="password"
              autoComplete="current-password"
              required
              errors={passwordErrors}
              onChange={() => setPasswordErrors(undefined)}
            />
          ) : null}
          <p className="form-error" role="alert" hidden={!message}>
            {message}
          </p>
          <p className="actions">
            <Button variant="danger" type="submit" disabled={pending}>
              {pending ? "Deleting…" : "Delete my account"}
            </Button>
            <Button onClick={() => dialog.current?.close()} disabled={pending}>
              Cancel
            </Button>
          </p>
        </form>
      </dialog>
    </>
  );
}
