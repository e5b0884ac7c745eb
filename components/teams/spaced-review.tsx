"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import type { ActionState } from "@/lib/contracts/action-state";
import { DESIRED_RETENTION } from "@/lib/quiz/retention";

/**
 * The team's desired retention, which FSRS schedules its learners' reviews for, with what it means
 * in plain words. The input is controlled, so that a refused value stays in it beside its error.
 */
export function SpacedReview({
  teamId,
  retention,
  action,
}: {
  teamId: string;
  retention: number;
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [value, setValue] = useState(retention.toFixed(2));
  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};
  return (
    <section aria-labelledby="spaced-review-heading">
      <h2 id="spaced-review-heading">Spaced review</h2>
      <p className="section-lead">
        Reviews come back when a learner is about to forget. Desired retention is the chance of
        remembering an item that a review waits for: at {DESIRED_RETENTION.default.toFixed(2)}, the
        usual setting, an item returns when a learner would recall it 9 times in 10.
      </p>
      <form action={formAction} className="form" noValidate>
        <input type="hidden" name="teamId" value={teamId} />
        <div className="field">
          <label htmlFor="desired-retention">Desired retention</label>
          <input
            id="desired-retention"
            name="desiredRetention"
            type="number"
            inputMode="decimal"
            min={DESIRED_RETENTION.min}
            max={DESIRED_RETENTION.max}
            step={0.01}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            aria-describedby="desired-retention-hint desired-retention-error"
            aria-invalid={Boolean(fields.desiredRetention) || undefined}
          />
          <p id="desired-retention-hint" className="field-hint">
            From {DESIRED_RETENTION.min.toFixed(2)} to {DESIRED_RETENTION.max.toFixed(2)}. Higher
            means more frequent reviews and less forgetting; lower means fewer reviews and more
            forgetting. It applies from each learner&apos;s next answer; a learner in several teams
            follows the highest setting.
          </p>
          <FieldError id="desired-retention-error" messages={fields.desiredRetention} />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save desired retention"}
        </Button>
        <div aria-live="polite" role="status">
          {state?.ok ? <p>{state.message}</p> : null}
          {state && !state.ok && !state.error.fields ? (
            <p className="form-error">{state.error.message}</p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
