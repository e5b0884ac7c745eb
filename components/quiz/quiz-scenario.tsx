"use client";

import { Icon } from "@/components/ui/icons";
import { OWNER_ICONS, OWNER_LABELS } from "@/components/ui/owner-badge";
import type { Owner } from "@/lib/content/types";
import type { Confidence } from "@/lib/contracts/quiz";
import { ConfidenceToggle } from "./confidence-toggle";
import { OptionGroup } from "./option-group";
import type { Answers, SessionItem } from "./quiz-answers";

/**
 * An incident story, told once, and its two questions, each its own item: whose failure it was
 * (an owner) and which control failed (one of the options).
 */
export function QuizScenario({
  items,
  answers,
  onChoice,
  onOption,
  confidence,
  onConfidence,
}: {
  items: SessionItem[];
  answers: Answers;
  onChoice: (item: SessionItem, choice: Owner) => void;
  onOption: (item: SessionItem, option: string) => void;
  confidence: Confidence | null;
  onConfidence: (value: Confidence | null) => void;
}) {
  const scenario = items[0]?.scenario;
  if (!scenario) return null;
  const headingId = `scenario-${items[0].id}`;
  // The owner part first: who failed, then what they failed at.
  const parts = [...items].sort(
    (a, b) => Number(a.scenario?.part === "control") - Number(b.scenario?.part === "control"),
  );
  return (
    <section className="quiz-group quiz-scenario" aria-labelledby={headingId}>
      <p className="eyebrow">
        {items[0].noteTitle ? `${items[0].noteTitle} · ` : ""}Incident scenario
      </p>
      <h2 id={headingId}>{scenario.title}</h2>
      <p className="quiz-scenario-story">{scenario.story}</p>
      {parts.map((item) =>
        item.scenario?.part === "owner" ? (
          <OptionGroup
            key={item.id}
            name={`answer-${item.id}`}
            legend={item.prompt}
            options={item.choices.map((owner) => ({
              value: owner,
              label: (
                <span className={`owner-badge owner-${owner.toLowerCase()}`}>
                  <Icon name={OWNER_ICONS[owner]} /> {OWNER_LABELS[owner]}
                </span>
              ),
            }))}
            value={answers[item.id]?.choice ?? null}
            onChange={(value) => onChoice(item, value as Owner)}
          />
        ) : (
          <OptionGroup
            key={item.id}
            name={`answer-${item.id}`}
            legend={item.prompt}
            options={item.options.map((o) => ({ value: o.key, label: o.text }))}
            value={answers[item.id]?.option ?? null}
            onChange={(option) => onOption(item, option)}
          />
        ),
      )}
      <ConfidenceToggle value={confidence} label={scenario.title} onChange={onConfidence} />
    </section>
  );
}
