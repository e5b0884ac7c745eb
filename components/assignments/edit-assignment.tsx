"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import type { ActionState } from "@/lib/contracts/action-state";
import type { TeamAssignment } from "@/lib/contracts/assignments";
import { isoToLocalInput } from "@/lib/assignments/assignment-form";
import { ActionOutcome } from "./action-outcome";
import { AssignmentSettings } from "./assignment-settings";
import { useDatedAction } from "./use-dated-action";

const SHOWN_FIELDS = [
  "title",
  "dueAt",
  "opensAt",
  "targetMastery",
  "size",
  "timeLimitMinutes",
  "attemptsAllowed",
  "reviewAnswers",
];

/**
 * "Edit" opens the assignment's settings as a form. It is drawn on the client only, once opened, so
 * that its dates are filled in the instructor's own time zone.
 */
export function EditAssignment({
  assignment,
  action,
}: {
  assignment: TeamAssignment;
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const [open, setOpen] = useState(false);
  const formId = `edit-${assignment.id}`;
  return (
    <div className="assignment-edit">
      <Button aria-expanded={open} aria-controls={formId} onClick={() => setOpen(!open)}>
        {open ? "Close the editor" : "Edit"}
        <span className="visually-hidden"> {assignment.title}</span>
      </Button>
      <div id={formId} className="assignment-edit-panel">
        {open ? <EditForm assignment={assignment} action={action} formId={formId} /> : null}
      </div>
    </div>
  );
}

function EditForm({
  assignment,
  action,
  formId,
}: {
  assignment: TeamAssignment;
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  formId: string;
}) {
  const { state, pending, onSubmit, fields } = useDatedAction(action);
  const input = (name: string, hint = false) => ({
    name,
    id: `${formId}-${name}`,
    "aria-describedby": `${hint ? `${formId}-${name}-hint ` : ""}${formId}-${name}-error`,
    "aria-invalid": Boolean(fields[name]) || undefined,
  });
  const error = (name: string) => (
    <FieldError id={`${formId}-${name}-error`} messages={fields[name]} />
  );
  return (
    <form className="assign-form assign-edit-form" onSubmit={onSubmit} noValidate>
      <input type="hidden" name="teamId" value={assignment.teamId} />
      <input type="hidden" name="assignmentId" value={assignment.id} />
      <input type="hidden" name="kind" value={assignment.kind} />
      <div className="assign-dates">
        <div className="field">
          <label htmlFor={`${formId}-title`}>Title</label>
          <input {...input("title")} type="text" maxLength={120} defaultValue={assignment.title} />
          {error("title")}
        </div>
        <div className="field">
          <label htmlFor={`${formId}-dueAt`}>Due</label>
          <input
            {...input("dueAt")}
            type="datetime-local"
            required
            defaultValue={isoToLocalInput(assignment.dueAt)}
          />
          {error("dueAt")}
        </div>
        <div className="field">
          <label htmlFor={`${formId}-opensAt`}>Opens (optional)</label>
          <input
            {...input("opensAt", true)}
            type="datetime-local"
            defaultValue={assignment.opensAt ? isoToLocalInput(assignment.opensAt) : ""}
          />
          <p id={`${formId}-opensAt-hint`} className="field-hint">
            Empty to open it now.
          </p>
          {error("opensAt")}
        </div>
      </div>
      <AssignmentSettings
        kind={assignment.kind}
        idPrefix={formId}
        fields={fields}
        defaults={{
          targetMastery: assignment.targetMastery ?? "PROFICIENT",
          size: assignment.size ?? "",
          timeLimitMinutes: assignment.timeLimitMinutes ?? "",
          attemptsAllowed: assignment.attemptsAllowed ?? "",
          reviewAnswers: assignment.reviewAnswers,
        }}
      />
      <div>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Saving…" : "Save changes"}
        </Button>
      </div>
      <ActionOutcome state={state} fields={fields} shown={SHOWN_FIELDS} />
    </form>
  );
}
