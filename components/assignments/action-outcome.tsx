import type { ActionState } from "@/lib/contracts/action-state";

/**
 * What an assignment form's action said, in a live region: its message, or its error. Field errors
 * show under their fields; those of no field shown ("_", "teamId") show here.
 */
export function ActionOutcome({
  state,
  fields,
  shown,
}: {
  state: ActionState;
  fields: Record<string, string[]>;
  shown: readonly string[];
}) {
  const elsewhere = Object.entries(fields).filter(([field]) => !shown.includes(field));
  return (
    <div aria-live="polite" role="status">
      {state?.ok ? <p>{state.message}</p> : null}
      {state && !state.ok ? (
        <div className="form-error">
          <p>{state.error.message}</p>
          {elsewhere.map(([field, messages]) => (
            <p key={field}>{messages.join(" ")}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
