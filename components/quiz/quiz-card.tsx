"use client";

import { useDraggable } from "@dnd-kit/core";
import type { KeyboardEvent, PointerEvent, TouchEvent } from "react";
import { Icon } from "@/components/ui/icons";
import { OWNER_ICONS, OWNER_LABELS } from "@/components/ui/owner-badge";
import { OWNERS, type Owner } from "@/lib/content/types";
import type { Confidence, QuizItem } from "@/lib/contracts/quiz";
import { ConfidenceToggle } from "./confidence-toggle";

/** A card as the quiz shows it; `noteTitle` is set in a review, whose cards come from many notes. */
export type BoardItem = Pick<QuizItem, "id" | "kind" | "prompt" | "detail" | "serviceModel"> & {
  noteTitle?: string;
};

/** The keys that place a focused card: 1, 2, 3 for the owners, 0 (or Backspace, Delete) to take it back. */
export const PLACE_KEYS: Record<string, Owner | null> = {
  "1": "AWS",
  "2": "CUSTOMER",
  "3": "SHARED",
  "0": null,
  Backspace: null,
  Delete: null,
};

/** The card's own words: a service-model layer's prompt without its "IaaS (EC2): " prefix. */
export function cardTitle(item: BoardItem): string {
  return item.serviceModel && item.prompt.startsWith(`${item.serviceModel}: `)
    ? item.prompt.slice(item.serviceModel.length + 2)
    : item.prompt;
}

/** The line above a card's title: its lesson in a review, and its service model if it has one. */
export function cardContext(item: BoardItem): string | null {
  const parts = [item.noteTitle, item.serviceModel].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : null;
}

/** What a card says, without its controls: in a column, and under the pointer while dragging. */
export function CardFace({ item }: { item: BoardItem }) {
  const context = cardContext(item);
  return (
    <>
      {context ? <span className="eyebrow quiz-card-context">{context}</span> : null}
      <span className="quiz-card-prompt">{cardTitle(item)}</span>
      <span className="quiz-card-detail">{item.detail}</span>
    </>
  );
}

function startsOnButton(event: { target: EventTarget }) {
  return event.target instanceof Element && event.target.closest("button") !== null;
}

/**
 * A card on the whole board: drag it (mouse or pen at once, touch after a long press, keyboard with
 * Space), press 1/2/3/0 while it has focus, or use its buttons. The drag itself is @dnd-kit's; this
 * only keeps a press on one of the card's buttons from starting one.
 */
export function QuizCard({
  item,
  placed,
  zone,
  describedBy,
  onPlace,
  confidence,
  onConfidence,
  cardRef,
}: {
  item: BoardItem;
  placed: Owner | null;
  zone: string;
  describedBy: string;
  onPlace: (choice: Owner | null, moveFocus: boolean) => void;
  confidence: Confidence | null;
  onConfidence: (value: Confidence | null) => void;
  cardRef: (node: HTMLLIElement | null) => void;
}) {
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: item.id, data: { zone } });
  return (
    <li
      ref={(node) => {
        setNodeRef(node);
        cardRef(node);
      }}
      className="quiz-card"
      tabIndex={0}
      aria-label={item.prompt}
      aria-describedby={describedBy}
      data-dragging={isDragging}
      onPointerDown={(event: PointerEvent) => {
        // Touch goes to the touch sensor (long press), so that a swipe on a card still scrolls.
        if (event.pointerType === "touch" || startsOnButton(event)) return;
        listeners?.onPointerDown?.(event);
      }}
      onTouchStart={(event: TouchEvent) => {
        if (!startsOnButton(event)) listeners?.onTouchStart?.(event);
      }}
      onContextMenu={(event) => {
        // A long press opens the context menu on Android; here it starts a drag instead.
        if (isDragging) event.preventDefault();
      }}
      onKeyDown={(event: KeyboardEvent) => {
        if (event.target !== event.currentTarget) return;
        if (event.key in PLACE_KEYS && !event.ctrlKey && !event.metaKey && !event.altKey) {
          event.preventDefault();
          onPlace(PLACE_KEYS[event.key], true);
          return;
        }
        listeners?.onKeyDown?.(event);
      }}
    >
      <span className="quiz-card-grip" aria-hidden="true">
        <Icon name="grip" />
      </span>
      <CardFace item={item} />
      <span className="quiz-card-actions" role="group" aria-label={`Place ${item.prompt}`}>
        {OWNERS.filter((o) => o !== placed).map((owner) => (
          <button
            key={owner}
            type="button"
            className={`quiz-card-button owner-${owner.toLowerCase()}`}
            onClick={() => onPlace(owner, true)}
            aria-label={`Place ${item.prompt} in ${OWNER_LABELS[owner]}`}
          >
            <Icon name={OWNER_ICONS[owner]} /> {OWNER_LABELS[owner]}
          </button>
        ))}
        {placed ? (
          <button
            type="button"
            className="quiz-card-button"
            onClick={() => onPlace(null, true)}
            aria-label={`Take ${item.prompt} back`}
          >
            Take back
          </button>
        ) : null}
      </span>
      {placed ? (
        <ConfidenceToggle value={confidence} label={item.prompt} onChange={onConfidence} />
      ) : null}
    </li>
  );
}
