"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { OWNER_LABELS } from "@/components/ui/owner-badge";
import type { Owner } from "@/lib/content/types";
import { isCardKind, type Confidence, type SavedChoice } from "@/lib/contracts/quiz";
import {
  describeGroups,
  groupConfidence,
  groupItems,
  initialAnswers,
  isAnswered,
  NO_ANSWER,
  toAnswerBody,
  type Answer,
  type Answers,
  type SessionItem,
} from "./quiz-answers";
import { QuizBoard, type Placements } from "./quiz-board";
import type { BoardItem } from "./quiz-card";
import { QuizMatrix } from "./quiz-matrix";
import { QuizOneCard } from "./quiz-one-card";
import { QuizScenario } from "./quiz-scenario";
import { QuizSplit } from "./quiz-split";
import { markResultsArrival } from "./results-arrival";
import { useAutosave, type SaveStatus } from "./use-autosave";
import { useNarrowScreen, useQuizView, type QuizView } from "./use-quiz-view";

export interface QuizSessionProps {
  attemptId: string;
  items: SessionItem[];
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
  const { attemptId } = props;
  // However this attempt ends on this tab (submitted here, its time limit, or submitted in another
  // tab), the results that replace the board open on the score (ResultsHeading).
  useEffect(() => markResultsArrival(attemptId), [attemptId]);
  const narrow = useNarrowScreen();
  if (!view || narrow === null) {
    return (
      <div className="quiz quiz-pending" aria-busy="true">
        <p>Laying out the cards…</p>
      </div>
    );
  }
  return <QuizInProgress {...props} view={view} chooseView={chooseView} narrow={narrow} />;
}

function QuizInProgress({
  attemptId,
  items,
  initialAnswers: saved,
  resultsHref,
  view,
  chooseView,
  narrow,
}: QuizSessionProps & {
  view: QuizView;
  chooseView: (view: QuizView) => void;
  narrow: boolean;
}) {
  const router = useRouter();
  const autosave = useAutosave(attemptId, { onClosed: () => router.refresh() });
  // Mounted only in the browser (see QuizSession), so the journal of unsaved changes can seed it.
  const [answers, setAnswers] = useState<Answers>(() => initialAnswers(saved, autosave.restored));
  // Who-owns-it items are the cards of the board; the other kinds are shown group by group below it.
  const cards = useMemo(() => items.filter((item) => isCardKind(item.kind)), [items]);
  const groups = useMemo(() => groupItems(items), [items]);
  const afterCards = useMemo(() => describeGroups(groups), [groups]);
  const groupOf = useMemo(() => {
    const map = new Map<string, SessionItem[]>();
    for (const group of groups) for (const item of group.items) map.set(item.id, group.items);
    for (const card of cards) map.set(card.id, [card]);
    return map;
  }, [cards, groups]);
  const placements: Placements = Object.fromEntries(
    cards.map((card) => [card.id, answers[card.id]?.choice ?? null]),
  );
  const [cardIndex, setCardIndex] = useState(() =>
    Math.max(
      0,
      cards.findIndex((card) => !answers[card.id]?.choice),
    ),
  );
  const [announcement, setAnnouncement] = useState("");
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [showingResults, startShowingResults] = useTransition();
  const submitRef = useRef<HTMLButtonElement>(null);
  const groupsRef = useRef<HTMLDivElement>(null);
  const afterCardsRef = useRef<HTMLParagraphElement>(null);
  /** Once every card is placed: on to the first question below the board, else to Submit. */
  const focusAfterCards = () => {
    const next = groupsRef.current?.querySelector<HTMLElement>(
      '[role="gridcell"][tabindex="0"], input, button:not(:disabled)',
    );
    (next ?? submitRef.current)?.focus();
  };
  /**
   * One-card view: down to the signpost above the questions that are not cards, focused so that a
   * screen reader reads it and the next Tab reaches the first of them.
   */
  const goAfterCards = () => {
    const signpost = afterCardsRef.current;
    if (!signpost) return focusAfterCards();
    signpost.scrollIntoView({ block: "start" });
    signpost.focus({ preventScroll: true });
  };
  // Set when the board mounts (below): reading the clock during render would make render impure.
  const lastActionAt = useRef(0);
  useEffect(() => {
    lastActionAt.current = Date.now();
  }, []);

  // Only cards are "placed"; a mix of kinds counts answers.
  const mixed = cards.length < items.length;
  const word = mixed ? "answered" : "placed";
  const answeredCount = items.filter((item) => isAnswered(answers[item.id])).length;

  /** Records one item's answer (owner or option), with its group's confidence, and saves it. */
  const answer = useCallback(
    (item: SessionItem, patch: Pick<Answer, "choice"> | Pick<Answer, "option">): Answers => {
      const now = Date.now();
      const ms = Math.min(now - lastActionAt.current, 86_400_000);
      lastActionAt.current = now;
      const confidence = groupConfidence(groupOf.get(item.id) ?? [item], answers);
      const given: Answer = { ...NO_ANSWER, ...answers[item.id], confidence, ...patch };
      const next = { ...answers, [item.id]: given };
      setAnswers(next);
      autosave.save(item, given, ms);
      return next;
    },
    [answers, autosave, groupOf],
  );

  /** Sure or unsure for a whole group: kept on each of its items, and saved with those answered. */
  const setConfidence = useCallback(
    (group: SessionItem[], confidence: Confidence | null) => {
      const next = { ...answers };
      for (const item of group) {
        next[item.id] = { ...NO_ANSWER, ...answers[item.id], confidence };
        if (isAnswered(next[item.id])) autosave.save(item, next[item.id], 0);
      }
      setAnswers(next);
    },
    [answers, autosave],
  );

  const place = useCallback(
    (item: BoardItem, choice: Owner | null, via: "drag" | "button"): Placements => {
      const card = cards.find((c) => c.id === item.id);
      if (!card) return placements;
      const next = answer(card, { choice });
      const placed = cards.filter((c) => next[c.id]?.choice).length;
      // A drop is announced by the board's drag-and-drop live region already.
      if (via !== "drag")
        setAnnouncement(
          `${item.prompt} ${choice ? `placed in ${OWNER_LABELS[choice]}` : "taken back to the cards to place"}. ${placed} of ${cards.length} placed.`,
        );
      return Object.fromEntries(cards.map((c) => [c.id, next[c.id]?.choice ?? null]));
    },
    [answer, cards, placements],
  );

  /** One-card view: after a placement, on to the next card still to place, if any. */
  const placeOne = (item: BoardItem, choice: Owner | null) => {
    const next = place(item, choice, "button");
    if (choice === null) return;
    const from = cards.findIndex((c) => c.id === item.id);
    const after = [...cards.slice(from + 1), ...cards.slice(0, from)].find((c) => !next[c.id]);
    if (after) setCardIndex(cards.indexOf(after));
    else if (afterCards) {
      // Said after the placement's own announcement, in the same live region.
      setAnnouncement(
        (said) => `${said} All ${cards.length} cards placed. Below them: ${afterCards}.`,
      );
      goAfterCards();
    } else focusAfterCards();
  };

  const answerCell = (item: SessionItem, choice: Owner | null) => {
    const next = answer(item, { choice });
    const done = items.filter((i) => isAnswered(next[i.id])).length;
    setAnnouncement(
      `${item.matrix?.row} on ${item.matrix?.column}: ${choice ? OWNER_LABELS[choice] : "cleared"}. ${done} of ${items.length} answered.`,
    );
  };

  async function submit() {
    setSubmitting(true);
    setSubmitError(null);
    const body = items.map((item) => toAnswerBody(item, answers[item.id] ?? NO_ANSWER));
    const response = await fetch(`/api/attempts/${attemptId}/submit`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ answers: body }),
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

  const left = items.length - answeredCount;
  const confidenceHint = (
    <p className="quiz-confidence-hint">
      Mark an answer <strong>Sure</strong> or <strong>Unsure</strong> if you like: sure and right
      comes back later; unsure comes back sooner.
    </p>
  );
  return (
    <div className="quiz" data-view={view}>
      <div className="quiz-bar">
        <div className="quiz-progress">
          <label htmlFor="quiz-progress-bar">
            {answeredCount} of {items.length} {word}
          </label>
          <progress id="quiz-progress-bar" max={items.length} value={answeredCount} />
        </div>
        {cards.length > 0 ? (
          <div className="quiz-view-toggle" role="group" aria-label="View">
            <button type="button" aria-pressed={view === "card"} onClick={() => chooseView("card")}>
              <Icon name="card" /> One card
            </button>
            <button
              type="button"
              aria-pressed={view === "board"}
              onClick={() => chooseView("board")}
            >
              <Icon name="board" /> Whole board
            </button>
          </div>
        ) : null}
      </div>
      {/* On a phone's first screen the card and its owner buttons come first: the hint follows. */}
      {view === "card" && cards.length > 0 ? null : confidenceHint}
      {cards.length === 0 ? null : view === "board" ? (
        <>
          <p className="quiz-keys-hint">
            Drag a card to a column, or focus it and press <kbd>1</kbd> AWS, <kbd>2</kbd> Customer,{" "}
            <kbd>3</kbd> Shared, <kbd>0</kbd> to take it back.
          </p>
          <QuizBoard
            items={cards}
            placements={placements}
            onPlace={place}
            confidenceOf={(id) => answers[id]?.confidence ?? null}
            onConfidence={(item, value) => setConfidence(groupOf.get(item.id) ?? [], value)}
            focusSubmit={focusAfterCards}
          />
        </>
      ) : (
        <QuizOneCard
          items={cards}
          placements={placements}
          index={Math.min(cardIndex, cards.length - 1)}
          onIndexChange={setCardIndex}
          onPlace={placeOne}
          confidenceOf={(id) => answers[id]?.confidence ?? null}
          onConfidence={(item, value) => setConfidence(groupOf.get(item.id) ?? [], value)}
          after={afterCards}
          onGoAfter={goAfterCards}
        />
      )}
      {view === "card" && cards.length > 0 ? confidenceHint : null}
      {view === "card" && cards.length > 0 && afterCards ? (
        <p ref={afterCardsRef} className="quiz-after-cards" tabIndex={-1}>
          <Icon name="chevron-down" /> After the {cards.length} cards: {afterCards}.
        </p>
      ) : null}
      <div ref={groupsRef}>
        {groups.map((group) => {
          const common = {
            items: group.items,
            answers,
            confidence: groupConfidence(group.items, answers),
            onConfidence: (value: Confidence | null) => setConfidence(group.items, value),
          };
          if (group.kind === "matrix")
            return <QuizMatrix key={group.key} {...common} onAnswer={answerCell} narrow={narrow} />;
          if (group.kind === "split")
            return (
              <QuizSplit
                key={group.key}
                {...common}
                onAnswer={(item, option) => answer(item, { option })}
              />
            );
          return (
            <QuizScenario
              key={group.key}
              {...common}
              onChoice={(item, choice) => answer(item, { choice })}
              onOption={(item, option) => answer(item, { option })}
            />
          );
        })}
      </div>
      <div className="quiz-toolbar quiz-submit">
        <Button
          ref={submitRef}
          variant={left === 0 ? "primary" : "secondary"}
          size={left === 0 ? "large" : undefined}
          onClick={submit}
          disabled={submitting || showingResults}
        >
          {submitting || showingResults
            ? "Grading…"
            : left > 0
              ? `Submit (${left} ${mixed ? "unanswered" : "unplaced"} count as wrong)`
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
