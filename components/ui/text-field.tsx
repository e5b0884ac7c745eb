import type { InputHTMLAttributes, ReactNode } from "react";
import { FieldError } from "./field-error";

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: string;
  /** Shown under the input and read with it, e.g. the password rule. */
  hint?: ReactNode;
  /** The server's messages for this field, announced as they appear. */
  errors?: string[];
}

/**
 * A labelled input with its hint and its validation messages, wired together for screen readers:
 * the input is described by both, and marked invalid while there are messages. Its name is its id
 * unless given.
 */
export function TextField({ id, label, hint, errors, ...input }: TextFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  // An error takes the hint's place: "At least 12 characters" and "Password must be at least 12
  // characters" one under the other say one thing twice.
  const showHint = hint && !errors?.length;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={id}
        aria-describedby={showHint ? `${hintId} ${errorId}` : errorId}
        aria-invalid={Boolean(errors)}
        {...input}
      />
      {showHint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} messages={errors} />
    </div>
  );
}
