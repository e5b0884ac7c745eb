"use client";

import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import type { ActionState } from "@/lib/contracts/action-state";
import { ActionOutcome } from "./action-outcome";
import { useDatedAction } from "./use-dated-action";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/**
 * One learner's extension: a later due date of their own, typed in the instructor's time zone, and,
 * once they have one, a way to withdraw it.
 */
export function ExtensionControl({
  teamId,
  assignmentId,
  learner,
  extended,
  extend,
  withdraw,
}: {
  teamId: string;
  assignmentId: string;
  learner: { userId: string; name: string };
  extended: boolean;
  extend: Action;
  withdraw: Action;
}) {
  const set = useDatedAction(extend);
  const removal = useDatedAction(withdraw);
  const id = `extension-${assignmentId}-${learner.userId}`;
  const hidden = (
    <>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="userId" value={learner.userId} />
    </>
  );
  return (
    <div className="extension-control">
      <form className="extension-form" onSubmit={set.onSubmit} noValidate>
        {hidden}
        <label htmlFor={id} className="visually-hidden">
          New due date for {learner.name}
        </label>
        <input
          id={id}
          name="dueAt"
          type="datetime-local"
          required
          aria-describedby={`${id}-error`}
          aria-invalid={Boolean(set.fields.dueAt) || undefined}
        />
        <Button type="submit" disabled={set.pending}>
          {extended ? "Change" : "Extend"}
          <span className="visually-hidden"> the due date for {learner.name}</span>
        </Button>
        <FieldError id={`${id}-error`} messages={set.fields.dueAt} />
        <ActionOutcome state={set.state} fields={set.fields} shown={["dueAt"]} />
      </form>
      {extended ? (
        <form onSubmit={removal.onSubmit}>
          {hidden}
          <Button type="submit" variant="danger" disabled={removal.pending}>
            Withdraw the extension<span className="visually-hidden"> for {learner.name}</span>
          </Button>
          <ActionOutcome state={removal.state} fields={removal.fields} shown={[]} />
        </form>
      ) : null}
    </div>
  );
}
