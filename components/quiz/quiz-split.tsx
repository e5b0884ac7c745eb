"use client";

import type { Confidence } from "@/lib/contracts/quiz";
import { ConfidenceToggle } from "./confidence-toggle";
import { OptionGroup } from "./option-group";
import type { Answers, SessionItem } from "./quiz-answers";

const HALF_TITLES = { AWS: "AWS's part", CUSTOMER: "The customer's part" } as const;

/**
 * A Shared control split in two: for each half (each its own item), the statement that is that
 * side's part of it.
 */
export function QuizSplit({
  items,
  answers,
  onAnswer,
  confidence,
  onConfidence,
}: {
  items: SessionItem[];
  answers: Answers;
  onAnswer: (item: SessionItem, option: string) => void;
  confidence: Confidence | null;
  onConfidence: (value: Confidence | null) => void;
}) {
  const control = items[0]?.split?.control ?? "";
  const headingId = `split-${items[0]?.id}`;
  // The AWS half first, whatever order the attempt drew them in.
  const halves = [...items].sort(
    (a, b) => (a.split?.half === "AWS" ? -1 : 1) - (b.split?.half === "AWS" ? -1 : 1),
  );
  return (
    <section className="quiz-group quiz-split" aria-labelledby={headingId}>
      <p className="eyebrow">
        {items[0]?.noteTitle ? `${items[0].noteTitle} · ` : ""}A Shared control, in two halves
      </p>
      <h2 id={headingId}>{control}</h2>
      <p className="quiz-group-intro">
        Both sides own part of it. Pick the statement that is each side&apos;s part.
      </p>
      {halves.map((item) => {
        const half = item.split?.half ?? "AWS";
        return (
          <OptionGroup
            key={item.id}
            name={`answer-${item.id}`}
            legend={`${HALF_TITLES[half]} of ${control}`}
            options={item.options.map((o) => ({ value: o.key, label: o.text }))}
            value={answers[item.id]?.option ?? null}
            onChange={(option) => onAnswer(item, option)}
          />
        );
      })}
      <ConfidenceToggle value={confidence} label={control} onChange={onConfidence} />
    </section>
  );
}
