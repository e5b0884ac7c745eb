"use client";

import { useRef, type KeyboardEvent, type PointerEvent } from "react";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { OWNER_ICONS, OWNER_LABELS, OwnerBadge } from "@/components/ui/owner-badge";
import { OWNERS, type Owner } from "@/lib/content/types";
import type { Confidence } from "@/lib/contracts/quiz";
import { ConfidenceToggle } from "./confidence-toggle";
import { cardContext, cardTitle, PLACE_KEYS, type BoardItem } from "./quiz-card";
import { StepNav } from "./step-nav";

/** A horizontal swipe at least this long, and mostly sideways, turns the card. */
const SWIPE_PX = 50;

/**
 * One card at a time, for phones: the card, three large owner buttons, and previous / next (or a
 * swipe) to move between cards. Placing a card moves on to the next one still to place. The other
 * kinds (halves, scenarios, a matrix) are not cards and follow below: the last card says so, in
 * its live position line too, and offers a way down to them.
 */
export function QuizOneCard({
  items,
  placements,
  index,
  onIndexChange,
  onPlace,
  confidenceOf,
  onConfidence,
  after,
  onGoAfter,
}: {
  items: BoardItem[];
  placements: Record<string, Owner | null>;
  index: number;
  onIndexChange: (index: number) => void;
  onPlace: (item: BoardItem, choice: Owner | null) => void;
  confidenceOf: (itemId: string) => Confidence | null;
  onConfidence: (item: BoardItem, value: Confidence | null) => void;
  /** What follows the cards, below them ("an incident scenario and a service matrix"), if any. */
  after: string | null;
  /** Scrolls to what follows the cards and moves the focus there. */
  onGoAfter: () => void;
}) {
  const swipe = useRef<{ x: number; y: number; id: number } | null>(null);
  const item = items[index];
  if (!item) return null;
  const placed = placements[item.id] ?? null;
  const context = cardContext(item);
  const last = index === items.length - 1;
  const go = (to: number) => onIndexChange(Math.max(0, Math.min(items.length - 1, to)));

  function onKeyDown(event: KeyboardEvent) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key in PLACE_KEYS && !(event.target instanceof HTMLInputElement)) {
      event.preventDefault();
      onPlace(item, PLACE_KEYS[event.key]);
    } else if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      event.preventDefault();
      go(index + (event.key === "ArrowRight" ? 1 : -1));
    }
  }

  function onPointerUp(event: PointerEvent) {
    const start = swipe.current;
    swipe.current = null;
    if (!start || start.id !== event.pointerId) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > 1.5 * Math.abs(dy))
      go(index + (dx < 0 ? 1 : -1));
  }

  return (
    <section className="one-card" aria-label="One card at a time" onKeyDown={onKeyDown}>
      <article
        className="one-card-card"
        data-placed={placed ?? undefined}
        tabIndex={0}
        aria-labelledby="one-card-title"
        aria-describedby="one-card-keys"
        onPointerDown={(event) => {
          if (event.pointerType === "touch")
            swipe.current = { x: event.clientX, y: event.clientY, id: event.pointerId };
        }}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (swipe.current = null)}
      >
        {context ? <p className="eyebrow">{context}</p> : null}
        <h2 id="one-card-title">{cardTitle(item)}</h2>
        <p className="one-card-detail">{item.detail}</p>
        {placed ? (
          <p className="one-card-status">
            Your answer: <OwnerBadge owner={placed} />
          </p>
        ) : null}
      </article>
      <div className="one-card-owners" role="group" aria-label={`Place ${item.prompt}`}>
        {OWNERS.map((owner, i) => (
          <button
            key={owner}
            type="button"
            className={`owner-button owner-button-${owner.toLowerCase()}`}
            aria-pressed={placed === owner}
            onClick={() => onPlace(item, owner)}
          >
            <Icon name={OWNER_ICONS[owner]} size="1.75em" />
            <span>{OWNER_LABELS[owner]}</span>
            {placed === owner ? <Icon name="check" className="icon owner-button-check" /> : null}
            <kbd className="quiz-key" aria-hidden="true">
              {i + 1}
            </kbd>
          </button>
        ))}
      </div>
      <ConfidenceToggle
        value={confidenceOf(item.id)}
        label={item.prompt}
        onChange={(value) => onConfidence(item, value)}
      />
      {placed ? (
        <button type="button" className="one-card-undo" onClick={() => onPlace(item, null)}>
          Take this card back
        </button>
      ) : null}
      <StepNav at={index} count={items.length} noun="card" onGo={go}>
        <p className="one-card-position" aria-live="polite">
          Card {index + 1} of {items.length}
          {last && after ? (
            <span className="visually-hidden">. The last card; below it: {after}.</span>
          ) : null}
        </p>
      </StepNav>
      {last && after ? (
        <div className="one-card-after">
          <p>
            <strong>Last card.</strong> Below it: {after}.
          </p>
          <Button onClick={onGoAfter}>
            Go to the questions below <Icon name="chevron-down" />
          </Button>
        </div>
      ) : null}
      <p id="one-card-keys" className="quiz-keys-hint">
        Keys: <kbd>1</kbd> AWS, <kbd>2</kbd> Customer, <kbd>3</kbd> Shared, <kbd>0</kbd> take back,{" "}
        <kbd>←</kbd> <kbd>→</kbd> previous and next card.
      </p>
    </section>
  );
}
