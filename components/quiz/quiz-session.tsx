"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { OWNER_LABELS } from "@/components/ui/owner-badge";
import type { Owner } from "@/lib/content/types";
import type { SavedChoice } from "@/lib/contracts/quiz";
import { QuizBoard, type Placements } from "./quiz-board";
import type { BoardItem } from "./quiz-card";
import { QuizOneCard } from "./quiz-one-card";
import { useAutosave, type SaveStatus } from "./use-autosave";
import { useQuizView, type QuizView } from "./use-quiz-view";

export interface QuizSessionProps {
  attemptId: string;
  items: BoardItem[];
  initialAnswers: SavedChoice[];
  /** The page that shows this attempt's results once it is submitted. */
  resultsHref: string;
}

const SAVE_TEXT: Record<SaveStatus, string> = {
  saved: "All answers saved.",
  saving: "Saving…",
  error: "Not saved yet: will retry with your next change.",
  closed: "This attempt was submitted elsewhere; showing its results.",
};

/**
 * An attempt in progress: the progress bar, the view (one card, or the whole board), autosave and
 * submit. Which view shows depends on the screen's width and the learner's choice, neither known on
 * the server: until the browser knows, a placeholder of the board's size stands in.
 */
export function QuizSession(props: QuizSessionProps) {
  const [view, chooseView] = useQuizView();
  if (!view) {
    return (
      <div className="quiz quiz-pending" aria-busy="true">
        <p>Laying out the cards…</p>
      </div>
    );
  }
  return <QuizInProgress {...props} view={view} chooseView={chooseView} />;
}

function QuizInProgress({
  attemptId,
  items,
  initialAnswers,
  resultsHref,
  view,
  chooseView,
}: QuizSessionProps & { view: QuizView; chooseView: (view: QuizView) => void }) {
  const router = useRouter();
  const autosave = useAutosave(attemptId, { onClosed: () => router.refresh() });
  // Mounted only in the browser (see QuizSession), so the journal of unsaved changes can seed it.
  const [placements, setPlacements] = useState<Placements>(() => ({
    ...Object.fromEntries(initialAnswers.map((a) => [a.itemId, a.choice])),
    ...Object.fromEntries([...autosave.restored].map(([itemId, p]) => [itemId, p.choice])),
  }));
  const [cardIndex, setCardIndex] = useState(() =>
    Math.max(
      0,
      items.findIndex((item) => !placements[item.id]),
    ),
  );
  const [announcement, setAnnouncement] = useState("");
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [showingResults, startShowingResults] = useTransition();
  const submitRef = useRef<HTMLButtonElement>(null);
  // Set when the board mounts (below): reading the clock during render would make render impure.
  const lastActionAt = useRef(0);
  useEffect(() => {
    lastActionAt.current = Date.now();
  }, []);

  const placedCount = items.filter((item) => placements[item.id]).length;

  const place = useCallback(
    (item: BoardItem, choice: Owner | null, via: "drag" | "button"): Placements => {
      const now = Date.now();
      const ms = Math.min(now - lastActionAt.current, 86_400_000);
      lastActionAt.current = now;
      const next = { ...placements, [item.id]: choice };
      setPlacements(next);
      autosave.save(item.id, choice, ms);
      const placed = items.filter((i) => next[i.id]).length;
      // A drop is announced by the board's drag-and-drop live region already.
      if (via !== "drag")
        setAnnouncement(
          `${item.prompt} ${choice ? `placed in ${OWNER_LABELS[choice]}` : "taken back to the cards to place"}. ${placed} of ${items.length} placed.`,
        );
      return next;
    },
    [autosave, items, placements],
  );

  /** One-card view: after a placement, on to the next card still to place, if any. */
  const placeOne = (item: BoardItem, choice: Owner | null) => {
    const next = place(item, choice, "button");
    if (choice === null) return;
    const from = items.indexOf(item);
    const after = [...items.slice(from + 1), ...items.slice(0, from)].find((i) => !next[i.id]);
    if (after) setCardIndex(items.indexOf(after));
    else submitRef.current?.focus();
  };

  async function submit() {
    setSubmitting(true);
    setSubmitError(null);
    const answers = items.map((item) => ({ itemId: item.id, choice: placements[item.id] ?? null }));
    const response = await fetch(`/api/attempts/${attemptId}/submit`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ answers }),
    }).catch(() => null);
    setSubmitting(false);
    if (!response?.ok) {
      setSubmitError(
        "Could not submit. Your answers are kept; check your connection and try again.",
      );
      return;
    }
    autosave.discard();
    // The results have their own URL, and it takes this board's place in the history: Back, the
    // router's cache and the browser's back-forward cache then all lead to the results, never to a
    // board that can no longer save.
    startShowingResults(() => router.replace(resultsHref));
  }

  const unplaced = items.length - placedCount;
  return (
    <div className="quiz" data-view={view}>
      <div className="quiz-bar">
        <div className="quiz-progress">
          <label htmlFor="quiz-progress-bar">
            {placedCount} of {items.length} placed
          </label>
          <progress id="quiz-progress-bar" max={items.length} value={placedCount} />
        </div>
        <div className="quiz-view-toggle" role="group" aria-label="View">
          <button type="button" aria-pressed={view === "card"} onClick={() => chooseView("card")}>
            <Icon name="card" /> One card
          </button>
          <button type="button" aria-pressed={view === "board"} onClick={() => chooseView("board")}>
            <Icon name="board" /> Whole board
          </button>
        </div>
      </div>
      {view === "board" ? (
        <>
          <p className="quiz-keys-hint">
            Drag a card to a column, or focus it and press <kbd>1</kbd> AWS, <kbd>2</kbd> Customer,{" "}
            <kbd>3</kbd> Shared, <kbd>0</kbd> to take it back.
          </p>
          <QuizBoard
            items={items}
            placements={placements}
            onPlace={place}
            focusSubmit={() => submitRef.current?.focus()}
          />
        </>
      ) : (
        <QuizOneCard
          items={items}
          placements={placements}
          index={Math.min(cardIndex, items.length - 1)}
          onIndexChange={setCardIndex}
          onPlace={placeOne}
        />
      )}
      <div className="quiz-toolbar quiz-submit">
        <Button
          ref={submitRef}
          variant={unplaced === 0 ? "primary" : "secondary"}
          size={unplaced === 0 ? "large" : undefined}
          onClick={submit}
          disabled={submitting || showingResults}
        >
          {submitting || showingResults
            ? "Grading…"
            : unplaced > 0
              ? `Submit (${unplaced} unplaced count as wrong)`
              : "Submit answers"}
        </Button>
        <span role="status" aria-live="polite" className="quiz-save-status">
          {SAVE_TEXT[autosave.status]}
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
