"use client";

import { useActionState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import type { ActionState } from "@/lib/contracts/action-state";

/**
 * A form bound to a server action, showing its outcome in a live region: the success message, or the
 * error with a message per field. Its submit button is the one Button: `variant="primary"` for the
 * page's main action, `"danger"` for one that removes or replaces something.
 */
export function ActionForm({
  action,
  submitLabel,
  pendingLabel,
  children,
  className = "form",
  variant = "secondary",
  confirm,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  /** Text, or text with a visually hidden part that tells one row's button from the next. */
  submitLabel: ReactNode;
  pendingLabel?: string;
  children?: ReactNode;
  className?: string;
  variant?: ButtonVariant;
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
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? (pendingLabel ?? "Saving…") : submitLabel}
      </Button>
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
