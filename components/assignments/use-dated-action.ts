"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { ActionState } from "@/lib/contracts/action-state";
import { localInputToIso } from "@/lib/assignments/assignment-form";
import { practiceFieldErrors } from "@/lib/practice/practice-form";

/** The date fields of the assignment forms: typed in the viewer's zone, sent as ISO instants. */
const DATE_FIELDS = ["dueAt", "opensAt"];

/**
 * A server action for a form with `datetime-local` fields. The browser knows the viewer's time zone
 * and the server does not, so the dates are turned into instants here, before sending. Dispatched
 * by hand as the practice form does: a form action resets the form when it returns, and a mistake
 * should stay on screen beside its message. Field errors come filed under the form's own names.
 */
export function useDatedAction(
  action: (state: ActionState, form: FormData) => Promise<ActionState>,
) {
  const [state, formAction, pending] = useActionState(action, null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    for (const name of DATE_FIELDS) {
      const value = data.get(name);
      if (typeof value === "string" && value !== "") data.set(name, localInputToIso(value));
    }
    startTransition(() => formAction(data));
  };
  const fields = state && !state.ok ? practiceFieldErrors(state.error.fields ?? {}) : {};
  return { state, pending, onSubmit, fields };
}
