"use client";

import { useActionState, type ReactNode } from "react";
import type { ActionState } from "@/lib/contracts/action-state";

/**
 * A form bound to a server action, showing its outcome in a live region: the success message, or the
 * error with a message per field.
 */
export function ActionForm({
  action,
  submitLabel,
  pendingLabel,
  children,
  className = "form",
  primary = false,
  confirm,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  submitLabel: string;
  pendingLabel?: string;
  children?: ReactNode;
  className?: string;
  /** The page's main action: a filled button. */
  primary?: boolean;
  confirm?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form
      action={formAction}
      className={className}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {children}
      <button type="submit" className={primary ? "primary" : undefined} disabled={pending}>
        {pending ? (pendingLabel ?? "Saving…") : submitLabel}
      </button>
      <div aria-live="polite" role="status">
        {state?.ok ? <p>{state.message}</p> : null}
        {state && !state.ok ? (
          <div className="form-error">
            <p>{state.error.message}</p>
            {state.error.fields ? (
              <ul>
                {Object.entries(state.error.fields).map(([field, messages]) => (
                  <li key={field}>{messages.join(" ")}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </form>
  );
}
