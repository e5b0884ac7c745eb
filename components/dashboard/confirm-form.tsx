"use client";

import { useActionState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import type { ActionState } from "@/lib/contracts/action-state";

/**
 * A one-button form bound to a server action, asking first when `confirm` is set, with the outcome
 * in a live region. For the dashboard's danger actions, which ActionForm cannot style yet.
 */
export function ConfirmForm({
  action,
  submitLabel,
  pendingLabel = "Saving…",
  confirm,
  variant = "secondary",
  children,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  submitLabel: string;
  pendingLabel?: string;
  confirm?: string;
  variant?: ButtonVariant;
  children?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form
      action={formAction}
      className="inline-form"
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {children}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
      <div aria-live="polite" role="status">
        {state?.ok ? <p>{state.message}</p> : null}
        {state && !state.ok ? <p className="form-error">{state.error.message}</p> : null}
      </div>
    </form>
  );
}
