"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import type { ActionState } from "@/lib/contracts/action-state";
import type { AssignmentKindName } from "@/lib/contracts/assignments";
import { ASSIGNMENT_FORM_FIELDS } from "@/lib/assignments/assignment-form";
import { ActionOutcome } from "./action-outcome";
import { AssignmentSettings } from "./assignment-settings";
import { useViewerZone } from "@/components/ui/local-time";
import { useDatedAction } from "./use-dated-action";

export interface AssignableLesson {
  slug: string;
  title: string;
}

/** Props for an input with a hint and an error below it, both read out with the field. */
function described(name: string, fields: Record<string, string[]>, hint = false) {
  return {
    name,
    id: `assign-${name}`,
    "aria-describedby": `${hint ? `assign-${name}-hint ` : ""}assign-${name}-error`,
    "aria-invalid": Boolean(fields[name]) || undefined,
  };
}

/**
 * The instructor's "Assign work" form, folded away once the team has assignments: notes to bring to
 * a mastery level, or a practice test with its settings, due at a date typed in the instructor's
 * own time zone. Open or folded is the instructor's choice from then on: the first assignment made
 * does not fold the form away over its own success message.
 */
export function AssignForm({
  teamId,
  lessons,
  action,
  startOpen,
}: {
  teamId: string;
  lessons: AssignableLesson[];
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  startOpen: boolean;
}) {
  const [open, setOpen] = useState(startOpen);
  const { state, pending, onSubmit, fields } = useDatedAction(action);
  const [kind, setKind] = useState<AssignmentKindName>("notes");
  const [filter, setFilter] = useState("");
  const [picked, setPicked] = useState<Set<string>>(() => new Set());
  const zone = useViewerZone();
  const matches = (title: string) => title.toLowerCase().includes(filter.trim().toLowerCase());

  return (
    <details
      className="assign-details"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>Assign work</summary>
      <form className="assign-form" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="teamId" value={teamId} />
        <fieldset className="assign-kind" aria-describedby="assign-kind-error">
          <legend>What to assign</legend>
          {(
            [
              ["notes", "Lessons to master"],
              ["practice", "A practice test"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="practice-check">
              <input
                type="radio"
                name="kind"
                value={value}
                checked={kind === value}
                onChange={() => setKind(value)}
              />
              <span>{label}</span>
            </label>
          ))}
          <FieldError id="assign-kind-error" messages={fields.kind} />
        </fieldset>

        <fieldset
          className="assign-lessons"
          aria-describedby="assign-noteSlugs-hint assign-noteSlugs-error"
          aria-invalid={Boolean(fields.noteSlugs) || undefined}
        >
          <legend>Lessons</legend>
          <div className="field">
            <label htmlFor="assign-filter">Filter lessons</label>
            <input
              id="assign-filter"
              type="search"
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
            />
          </div>
          <p id="assign-noteSlugs-hint" className="field-hint">
            {picked.size === 0
              ? "None picked yet."
              : `${picked.size} picked: ${lessons
                  .filter((l) => picked.has(l.slug))
                  .map((l) => l.title)
                  .join(", ")}.`}
          </p>
          {/* Lessons the filter hides stay in the form, picked or not: hiding is not unpicking. */}
          <ul className="assign-lesson-list">
            {lessons.map((lesson) => (
              <li key={lesson.slug} hidden={!matches(lesson.title)}>
                <label className="practice-check">
                  <input
                    type="checkbox"
                    name="noteSlugs"
                    value={lesson.slug}
                    checked={picked.has(lesson.slug)}
                    onChange={(event) => {
                      const next = new Set(picked);
                      if (event.target.checked) next.add(lesson.slug);
                      else next.delete(lesson.slug);
                      setPicked(next);
                    }}
                  />
                  <span>{lesson.title}</span>
                </label>
              </li>
            ))}
          </ul>
          {lessons.every((l) => !matches(l.title)) ? <p>No lesson matches “{filter}”.</p> : null}
          <FieldError id="assign-noteSlugs-error" messages={fields.noteSlugs} />
        </fieldset>

        <AssignmentSettings
          kind={kind}
          idPrefix="assign"
          fields={fields}
          defaults={{
            targetMastery: "PROFICIENT",
            size: 10,
            timeLimitMinutes: "",
            attemptsAllowed: 1,
            reviewAnswers: "immediately",
          }}
        />

        <div className="assign-dates">
          <div className="field">
            <label htmlFor="assign-dueAt">Due</label>
            <input {...described("dueAt", fields, true)} type="datetime-local" required />
            <p id="assign-dueAt-hint" className="field-hint">
              In your time zone{zone ? `, ${zone}` : ""}.
            </p>
            <FieldError id="assign-dueAt-error" messages={fields.dueAt} />
          </div>
          <div className="field">
            <label htmlFor="assign-opensAt">Opens (optional)</label>
            <input {...described("opensAt", fields, true)} type="datetime-local" />
            <p id="assign-opensAt-hint" className="field-hint">
              Empty to open it now.
            </p>
            <FieldError id="assign-opensAt-error" messages={fields.opensAt} />
          </div>
          <div className="field">
            <label htmlFor="assign-title">Title (optional)</label>
            <input {...described("title", fields, true)} type="text" maxLength={120} />
            <p id="assign-title-hint" className="field-hint">
              Empty to name it after the lessons.
            </p>
            <FieldError id="assign-title-error" messages={fields.title} />
          </div>
        </div>

        <div>
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? "Assigning…" : "Assign"}
          </Button>
        </div>
        <ActionOutcome state={state} fields={fields} shown={ASSIGNMENT_FORM_FIELDS} />
      </form>
    </details>
  );
}
