"use client";

import { Icon } from "@/components/ui/icons";
import type { Confidence } from "@/lib/contracts/quiz";

const LABELS: Record<Confidence, string> = { sure: "Sure", unsure: "Unsure" };

/**
 * Sure or unsure, for one question or group: two toggle buttons, both unpressed until the learner
 * says. Pressing the pressed one again takes it back. Review schedules by it (server side).
 */
export function ConfidenceToggle({
  value,
  label,
  onChange,
}: {
  value: Confidence | null;
  /** What the learner is sure of, for the group's accessible name: "How sure are you of …?" */
  label: string;
  onChange: (value: Confidence | null) => void;
}) {
  return (
    <div className="confidence" role="group" aria-label={`How sure are you of ${label}?`}>
      <span className="confidence-label" aria-hidden="true">
        How sure?
      </span>
      {(["sure", "unsure"] as const).map((c) => (
        <button
          key={c}
          type="button"
          className="confidence-button"
          aria-pressed={value === c}
          onClick={() => onChange(value === c ? null : c)}
        >
          {/* A tick as well as the fill: pressed is not shown by colour alone. */}
          {value === c ? <Icon name="check" /> : null}
          {LABELS[c]}
        </button>
      ))}
    </div>
  );
}
