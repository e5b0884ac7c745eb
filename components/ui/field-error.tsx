/** A field's validation messages, announced as they appear; referenced by the input's aria-describedby. */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  return (
    <p id={id} className="field-error" aria-live="polite">
      {messages?.join(" ")}
    </p>
  );
}
