"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { OWNER_LABELS, OwnerBadge } from "@/components/ui/owner-badge";
import { OWNERS, type Owner } from "@/lib/content/types";
import type { QuizItem, SavedChoice } from "@/lib/contracts/quiz";

type BoardItem = Pick<QuizItem, "id" | "kind" | "prompt" | "detail" | "serviceModel">;

export interface QuizBoardProps {
  attemptId: string;
  items: BoardItem[];
  initialAnswers: SavedChoice[];
  /** The page that shows this attempt's results once it is submitted. */
  resultsHref: string;
}

const KEYS: Record<string, Owner | null> = {
  "1": "AWS",
  "2": "CUSTOMER",
  "3": "SHARED",
  "0": null,
  Backspace: null,
  Delete: null,
};
const SAVE_DELAY_MS = 400;
const DRAG_THRESHOLD_PX = 6;

type Placements = Record<string, Owner | null>;

function sendJson(url: string, method: "PUT" | "POST", body: unknown): Promise<Response> {
  return fetch(url, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/**
 * The sorting board: cards of controls go to AWS, Customer or Shared by dragging (mouse or touch,
 * one pointer-events implementation), by keyboard (1/2/3, 0 to take back) or by clicking a card's
 * buttons. Every change autosaves; submitting grades on the server, then shows the results page.
 */
export function QuizBoard({ attemptId, items, initialAnswers, resultsHref }: QuizBoardProps) {
  const router = useRouter();
  const [placements, setPlacements] = useState<Placements>(() =>
    Object.fromEntries(initialAnswers.map((a) => [a.itemId, a.choice])),
  );
  const [announcement, setAnnouncement] = useState("");
  const [saveState, setSaveState] = useState<"saved" | "saving" | "error">("saved");
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [showingResults, startShowingResults] = useTransition();
  const [dragOver, setDragOver] = useState<Owner | "pool" | null>(null);
  const [draggingId, setDraggingId] = useState<string | null>(null);

  const unsaved = useRef(new Map<string, { choice: Owner | null; ms: number }>());
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Set when the board mounts (below): reading the clock during render would make render impure.
  const lastActionAt = useRef(0);
  const cardRefs = useRef(new Map<string, HTMLLIElement>());
  const focusNext = useRef<string | null>(null);
  const submitRef = useRef<HTMLButtonElement>(null);

  const placedCount = items.filter((item) => placements[item.id]).length;

  const flush = useCallback(async () => {
    if (unsaved.current.size === 0) return true;
    const batch = [...unsaved.current.entries()].map(([itemId, { choice, ms }]) => ({
      itemId,
      choice,
      ms,
    }));
    unsaved.current.clear();
    setSaveState("saving");
    const response = await sendJson(`/api/attempts/${attemptId}/answers`, "PUT", {
      answers: batch,
    }).catch(() => null);
    if (!response?.ok) {
      // Keep what failed, unless a newer change to the same card arrived meanwhile.
      for (const answer of batch)
        if (!unsaved.current.has(answer.itemId)) unsaved.current.set(answer.itemId, answer);
      setSaveState("error");
      return false;
    }
    setSaveState(unsaved.current.size > 0 ? "saving" : "saved");
    return true;
  }, [attemptId]);

  useEffect(() => {
    lastActionAt.current = Date.now();
    return () => clearTimeout(saveTimer.current);
  }, []);

  // Leaving the page mid-save: send what is pending with keepalive, which outlives the page.
  useEffect(() => {
    const onHide = () => {
      if (unsaved.current.size === 0) return;
      const answers = [...unsaved.current.entries()].map(([itemId, { choice, ms }]) => ({
        itemId,
        choice,
        ms,
      }));
      void fetch(`/api/attempts/${attemptId}/answers`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ answers }),
        keepalive: true,
      });
    };
    window.addEventListener("pagehide", onHide);
    return () => window.removeEventListener("pagehide", onHide);
  }, [attemptId]);

  useEffect(() => {
    if (!focusNext.current) return;
    const target =
      focusNext.current === "submit" ? submitRef.current : cardRefs.current.get(focusNext.current);
    target?.focus();
    focusNext.current = null;
  });

  const place = useCallback(
    (item: BoardItem, choice: Owner | null, moveFocus: boolean) => {
      const now = Date.now();
      const ms = Math.min(now - lastActionAt.current, 86_400_000);
      lastActionAt.current = now;
      const next = { ...placements, [item.id]: choice };
      setPlacements(next);
      unsaved.current.set(item.id, { choice, ms });
      setSaveState("saving");
      clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
      const placed = items.filter((i) => next[i.id]).length;
      setAnnouncement(
        `${item.prompt} ${choice ? `placed in ${OWNER_LABELS[choice]}` : "taken back to the unplaced cards"}. ${placed} of ${items.length} placed.`,
      );
      if (moveFocus) {
        const after = items
          .slice(items.indexOf(item) + 1)
          .concat(items)
          .find((i) => !next[i.id] && i.id !== item.id);
        focusNext.current = choice === null ? item.id : (after?.id ?? "submit");
      }
    },
    [flush, items, placements],
  );

  async function submit() {
    clearTimeout(saveTimer.current);
    setSubmitting(true);
    setSubmitError(null);
    const answers = items.map((item) => ({ itemId: item.id, choice: placements[item.id] ?? null }));
    const response = await sendJson(`/api/attempts/${attemptId}/submit`, "POST", { answers }).catch(
      () => null,
    );
    setSubmitting(false);
    if (!response?.ok) {
      setSubmitError(
        "Could not submit. Your answers are kept; check your connection and try again.",
      );
      return;
    }
    unsaved.current.clear();
    // The results have their own URL, and it takes this board's place in the history: Back, the
    // router's cache and the browser's back-forward cache then all lead to the results, never to a
    // board that can no longer save.
    startShowingResults(() => router.replace(resultsHref));
  }

  /** Pointer dragging for mouse and touch alike; the drop target is the column under the pointer. */
  function onPointerDown(event: React.PointerEvent<HTMLLIElement>, item: BoardItem) {
    if (event.button !== 0 || (event.target as HTMLElement).closest("button")) return;
    const card = event.currentTarget;
    const startX = event.clientX;
    const startY = event.clientY;
    let dragging = false;
    const zoneAt = (x: number, y: number) => {
      const zone = document.elementFromPoint(x, y)?.closest<HTMLElement>("[data-zone]")
        ?.dataset.zone;
      return zone === "pool" ? "pool" : (OWNERS.find((o) => o === zone) ?? null);
    };
    const move = (e: PointerEvent) => {
      const dx = e.clientX - startX;
      const dy = e.clientY - startY;
      if (!dragging && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
      if (!dragging) {
        dragging = true;
        setDraggingId(item.id);
        card.setPointerCapture?.(e.pointerId);
      }
      card.style.transform = `translate(${dx}px, ${dy}px)`;
      card.style.pointerEvents = "none";
      setDragOver(zoneAt(e.clientX, e.clientY));
    };
    const up = (e: PointerEvent) => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      window.removeEventListener("pointercancel", up);
      card.style.transform = "";
      card.style.pointerEvents = "";
      setDraggingId(null);
      setDragOver(null);
      if (!dragging) return;
      const zone = zoneAt(e.clientX, e.clientY);
      if (zone) place(item, zone === "pool" ? null : zone, false);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
    window.addEventListener("pointercancel", up);
  }

  const renderCard = (item: BoardItem) => {
    const placed = placements[item.id] ?? null;
    return (
      <li
        key={item.id}
        ref={(node) => {
          if (node) cardRefs.current.set(item.id, node);
          else cardRefs.current.delete(item.id);
        }}
        className="quiz-card"
        tabIndex={0}
        aria-label={item.prompt}
        aria-describedby="quiz-keys"
        data-dragging={draggingId === item.id}
        onPointerDown={(e) => onPointerDown(e, item)}
        onKeyDown={(event) => {
          if (event.target !== event.currentTarget || !(event.key in KEYS)) return;
          event.preventDefault();
          place(item, KEYS[event.key], true);
        }}
      >
        {item.serviceModel ? <span className="eyebrow">{item.serviceModel}</span> : null}
        <div className="quiz-card-prompt">
          {item.serviceModel ? item.prompt.slice(item.serviceModel.length + 2) : item.prompt}
        </div>
        <div className="quiz-card-detail">
          {item.kind === "service" ? "Who manages this layer?" : item.detail}
        </div>
        <div className="quiz-card-actions" role="group" aria-label={`Place ${item.prompt}`}>
          {OWNERS.filter((o) => o !== placed).map((owner) => (
            <button
              key={owner}
              type="button"
              onClick={() => place(item, owner, true)}
              aria-label={`Place ${item.prompt} in ${OWNER_LABELS[owner]}`}
            >
              <kbd aria-hidden="true">{OWNERS.indexOf(owner) + 1}</kbd> {OWNER_LABELS[owner]}
            </button>
          ))}
          {placed ? (
            <button
              type="button"
              onClick={() => place(item, null, true)}
              aria-label={`Take ${item.prompt} back`}
            >
              <kbd aria-hidden="true">0</kbd> Take back
            </button>
          ) : null}
        </div>
      </li>
    );
  };

  const zones: Array<{ id: Owner | "pool"; label: string }> = [
    { id: "pool", label: "To place" },
    ...OWNERS.map((owner) => ({ id: owner, label: OWNER_LABELS[owner] })),
  ];

  return (
    <div className="quiz">
      <p id="quiz-keys" className="visually-hidden">
        Press 1 for AWS, 2 for Customer, 3 for Shared, 0 to take the card back. Or drag it to a
        column.
      </p>
      <div className="quiz-progress">
        <label htmlFor="quiz-progress-bar">
          {placedCount} of {items.length} placed
        </label>
        <progress id="quiz-progress-bar" max={items.length} value={placedCount} />
      </div>
      <div className="quiz-board">
        {zones.map((zone) => {
          const cards = items.filter((item) => (placements[item.id] ?? "pool") === zone.id);
          return (
            <section
              key={zone.id}
              className="quiz-column"
              data-zone={zone.id}
              data-over={dragOver === zone.id}
              aria-labelledby={`zone-${zone.id}`}
            >
              <h2 id={`zone-${zone.id}`}>
                {zone.id === "pool" ? <span>{zone.label}</span> : <OwnerBadge owner={zone.id} />}
                <span className="eyebrow">{cards.length}</span>
              </h2>
              <ul aria-labelledby={`zone-${zone.id}`}>{cards.map(renderCard)}</ul>
            </section>
          );
        })}
      </div>
      <div className="quiz-toolbar">
        <button
          ref={submitRef}
          type="button"
          className="primary"
          onClick={submit}
          disabled={submitting || showingResults}
        >
          {submitting || showingResults
            ? "Grading…"
            : placedCount < items.length
              ? `Submit (${items.length - placedCount} unplaced count as wrong)`
              : "Submit answers"}
        </button>
        <span role="status" aria-live="polite">
          {saveState === "saving"
            ? "Saving…"
            : saveState === "error"
              ? "Not saved yet: will retry with your next change."
              : "All answers saved."}
        </span>
        {submitError ? (
          <span role="alert" className="error-text">
            {submitError}
          </span>
        ) : null}
      </div>
      <p className="visually-hidden" aria-live="assertive">
        {announcement}
      </p>
    </div>
  );
}
