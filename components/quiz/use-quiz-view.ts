"use client";

import { useCallback, useSyncExternalStore } from "react";

export type QuizView = "card" | "board";

/** Below this width the quiz opens one card at a time. */
const NARROW = "(max-width: 699.98px)";
const STORAGE_KEY = "quiz-view";
const CHANGED = "quiz-view-change";

function subscribeNarrow(onChange: () => void) {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

function subscribeStored(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

/** The choice made in this page, for when storage is disabled. */
let chosenHere: QuizView | null = null;

function readStored(): QuizView | null {
  if (chosenHere) return chosenHere;
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === "card" || value === "board" ? value : null;
  } catch {
    return null;
  }
}

/**
 * Which view the quiz shows: the learner's choice if they made one, else one card on a narrow
 * screen and the whole board on a wide one. Null on the server and while hydrating, where neither
 * the width nor the stored choice is known: the caller renders a placeholder then, so that the
 * server's HTML never disagrees with the browser's first render.
 */
export function useQuizView(): [QuizView | null, (view: QuizView) => void] {
  const narrow = useSyncExternalStore(
    subscribeNarrow,
    () => window.matchMedia(NARROW).matches,
    () => null,
  );
  const stored = useSyncExternalStore(subscribeStored, readStored, () => undefined);
  const choose = useCallback((view: QuizView) => {
    chosenHere = view;
    try {
      window.localStorage.setItem(STORAGE_KEY, view);
    } catch {
      // Storage disabled: the choice lasts until the page goes.
    }
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  if (narrow === null || stored === undefined) return [null, choose];
  return [stored ?? (narrow ? "card" : "board"), choose];
}

/**
 * Whether the screen is narrower than 700 px, whatever view the learner chose for the cards: a
 * matrix then shows one service at a time. Null on the server and while hydrating.
 */
export function useNarrowScreen(): boolean | null {
  return useSyncExternalStore(
    subscribeNarrow,
    () => window.matchMedia(NARROW).matches,
    () => null,
  );
}
