"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import type { ActionState } from "@/lib/contracts/action-state";
import type { QuizItemKind } from "@/lib/contracts/quiz";
import {
  PRACTICE_SIZE,
  PRACTICE_TIME_LIMITS,
  practiceFieldErrors,
} from "@/lib/practice/practice-form";
import { plural } from "@/lib/plural";

export interface PracticeFormLesson {
  slug: string;
  title: string;
  questions: Partial<Record<QuizItemKind, number>>;
}

export interface PracticeFormOptions {
  groups: Array<{ name: string; lessons: PracticeFormLesson[] }>;
  kinds: Array<{ kind: QuizItemKind; title: string; questions: number }>;
}

const idOf = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-");

/**
 * The practice test's settings: lessons (grouped as on /lessons, with "All lessons"), kinds of
 * question, how many, and an optional time limit. The server action validates it with
 * practiceTestSchema and opens the new test; its errors show under each field.
 */
export function PracticeForm({
  options,
  action,
}: {
  options: PracticeFormOptions;
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const lessons = options.groups.flatMap((g) => g.lessons);
  const [notes, setNotes] = useState<Set<string>>(() => new Set(lessons.map((l) => l.slug)));
  const [kinds, setKinds] = useState<Set<QuizItemKind>>(
    () => new Set(options.kinds.map((k) => k.kind)),
  );
  const [size, setSize] = useState(String(PRACTICE_SIZE.default));
  const [timeLimit, setTimeLimit] = useState("none");
  const [otherMinutes, setOtherMinutes] = useState("");
  const allBox = useRef<HTMLInputElement>(null);
  const errorBox = useRef<HTMLDivElement>(null);

  const all = notes.size === lessons.length;
  const some = notes.size > 0 && !all;
  useEffect(() => {
    if (allBox.current) allBox.current.indeterminate = some;
  }, [some]);

  const fields = state && !state.ok ? practiceFieldErrors(state.error.fields ?? {}) : {};
  const formError = state && !state.ok ? state.error : null;
  useEffect(() => {
    if (formError) errorBox.current?.focus();
  }, [formError]);

  const available = lessons
    .filter((l) => notes.has(l.slug))
    .reduce((sum, l) => sum + [...kinds].reduce((n, kind) => n + (l.questions[kind] ?? 0), 0), 0);
  const wanted = Number(size);

  const toggle = <T,>(set: Set<T>, value: T, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };

  return (
    <form
      className="practice-form"
      action={formAction}
      noValidate
      onSubmit={(event) => {
        // Dispatched by hand: a form action resets the form when it returns, and a learner who
        // left a field wrong should find their choices still there beside the message.
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      {formError ? (
        <div className="form-error" role="alert" tabIndex={-1} ref={errorBox}>
          <p>{formError.message}</p>
          {fields._ ? <p>{fields._.join(" ")}</p> : null}
        </div>
      ) : null}

      <fieldset
        className="practice-fieldset"
        aria-describedby="notes-error"
        aria-invalid={Boolean(fields.notes) || undefined}
      >
        <legend>Lessons</legend>
        <label className="practice-check practice-check-all">
          <input
            ref={allBox}
            type="checkbox"
            name="allNotes"
            checked={all}
            onChange={(event) =>
              setNotes(new Set(event.target.checked ? lessons.map((l) => l.slug) : []))
            }
          />
          <span>
            All lessons <span className="practice-count">{lessons.length}</span>
          </span>
        </label>
        <div className="practice-groups">
          {options.groups.map((group) => (
            <fieldset key={group.name} className="practice-group">
              <legend id={`group-${idOf(group.name)}`}>{group.name}</legend>
              <ul>
                {group.lessons.map((lesson) => {
                  const count = Object.values(lesson.questions).reduce((a, b) => a + b, 0);
                  return (
                    <li key={lesson.slug}>
                      <label className="practice-check">
                        <input
                          type="checkbox"
                          name="notes"
                          value={lesson.slug}
                          checked={notes.has(lesson.slug)}
                          onChange={(event) =>
                            setNotes(toggle(notes, lesson.slug, event.target.checked))
                          }
                        />
                        <span>
                          {lesson.title}{" "}
                          <span className="practice-count">
                            {count}
                            <span className="visually-hidden"> questions</span>
                          </span>
                        </span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          ))}
        </div>
        <FieldError id="notes-error" messages={fields.notes} />
      </fieldset>

      <fieldset
        className="practice-fieldset"
        aria-describedby="kinds-error"
        aria-invalid={Boolean(fields.kinds) || undefined}
      >
        <legend>Kinds of question</legend>
        <ul className="practice-kinds">
          {options.kinds.map(({ kind, title }) => (
            <li key={kind}>
              <label className="practice-check">
                <input
                  type="checkbox"
                  name="kinds"
                  value={kind}
                  checked={kinds.has(kind)}
                  onChange={(event) => setKinds(toggle(kinds, kind, event.target.checked))}
                />
                <span>{title}</span>
              </label>
            </li>
          ))}
        </ul>
        <FieldError id="kinds-error" messages={fields.kinds} />
      </fieldset>

      <div className="practice-row">
        <div className="field practice-size">
          <label htmlFor="practice-size">Number of questions</label>
          <input
            id="practice-size"
            name="size"
            type="number"
            inputMode="numeric"
            min={PRACTICE_SIZE.min}
            max={PRACTICE_SIZE.max}
            value={size}
            onChange={(event) => setSize(event.target.value)}
            aria-describedby="size-hint size-error"
            aria-invalid={Boolean(fields.size) || undefined}
          />
          <p id="size-hint" className="field-hint">
            From {PRACTICE_SIZE.min} to {PRACTICE_SIZE.max}. Each answer counts as one question: a
            matrix cell, each half of a Shared control and each part of an incident.{" "}
            {notes.size > 0 && kinds.size > 0
              ? available < wanted
                ? `What you picked holds up to ${plural(available, "question")}: the test has them all.`
                : `What you picked holds up to ${plural(available, "question")}.`
              : null}
          </p>
          <FieldError id="size-error" messages={fields.size} />
        </div>

        <fieldset
          className="practice-fieldset practice-time"
          aria-describedby="time-hint timeLimitMinutes-error"
          aria-invalid={Boolean(fields.timeLimitMinutes) || undefined}
        >
          <legend>Time limit</legend>
          <div className="practice-segments">
            {[
              { value: "none", label: "None" },
              ...PRACTICE_TIME_LIMITS.map((m) => ({ value: String(m), label: `${m} min` })),
              { value: "other", label: "Other" },
            ].map(({ value, label }) => (
              <label key={value} className="practice-segment">
                <input
                  type="radio"
                  name="timeLimit"
                  value={value}
                  checked={timeLimit === value}
                  onChange={() => setTimeLimit(value)}
                />
                <span>{label}</span>
              </label>
            ))}
          </div>
          {timeLimit === "other" ? (
            <div className="field practice-other">
              <label htmlFor="practice-other-minutes">Minutes</label>
              <input
                id="practice-other-minutes"
                name="timeLimitOther"
                type="number"
                inputMode="numeric"
                min={1}
                max={180}
                value={otherMinutes}
                onChange={(event) => setOtherMinutes(event.target.value)}
                aria-describedby="timeLimitMinutes-error"
                aria-invalid={Boolean(fields.timeLimitMinutes) || undefined}
              />
            </div>
          ) : null}
          <p id="time-hint" className="field-hint">
            With a limit, your saved answers are submitted when time is up.
          </p>
          <FieldError id="timeLimitMinutes-error" messages={fields.timeLimitMinutes} />
        </fieldset>
      </div>

      <div className="practice-submit">
        <Button type="submit" variant="primary" size="large" disabled={pending}>
          {pending ? "Starting…" : "Start practice test"}
        </Button>
      </div>
    </form>
  );
}
