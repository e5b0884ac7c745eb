import type { ReactNode } from "react";
import { Icon } from "@/components/ui/icons";

/**
 * Previous and next buttons around where the learner is, for views that show one thing at a time:
 * one card (the phone quiz) or one service (the phone matrix).
 */
export function StepNav({
  at,
  count,
  noun,
  onGo,
  children,
}: {
  at: number;
  count: number;
  /** What one step is, for the buttons' names: "card", "service". */
  noun: string;
  onGo: (index: number) => void;
  /** Where the learner is, announced as it changes. */
  children: ReactNode;
}) {
  return (
    <div className="one-card-nav">
      <button
        type="button"
        className="one-card-step"
        onClick={() => onGo(at - 1)}
        disabled={at === 0}
        aria-label={`Previous ${noun}`}
      >
        <Icon name="chevron-left" size="1.4em" />
      </button>
      {children}
      <button
        type="button"
        className="one-card-step"
        onClick={() => onGo(at + 1)}
        disabled={at === count - 1}
        aria-label={`Next ${noun}`}
      >
        <Icon name="chevron-right" size="1.4em" />
      </button>
    </div>
  );
}
