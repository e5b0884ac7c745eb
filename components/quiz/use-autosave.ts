"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { OWNERS } from "@/lib/content/types";
import type { QuizItem } from "@/lib/contracts/quiz";
import { toAnswerBody, type Answer } from "./quiz-answers";

export type SaveStatus = "saved" | "saving" | "error" | "closed";

/** A queued answer: an owner or an option (which one the item takes decides), and confidence. */
interface Pending extends Answer {
  /** Whether the item is answered with an option; the server answers 422 to the other shape. */
  byOption: boolean;
  ms: number;
}

const OPTION_KEY = /^[a-f0-9]{6,16}$/;

const SAVE_DELAY_MS = 400;

/**
 * Changes not yet acknowledged by the server are also kept in sessionStorage, per attempt.
 *
 * Why: a reload right after a placement used to show the card unplaced. The change was still in the
 * 400 ms debounce when the page unloaded; the pagehide handler then sent it with `keepalive`, but the
 * reload's own GET raced that PUT and the server rendered the answers from before it. Only a second
 * reload showed the card placed. The journal is written synchronously at each placement, so the next
 * page in this tab lays it over what the server rendered and saves it again.
 */
function journalKey(attemptId: string) {
  return `quiz-unsaved:${attemptId}`;
}

/** The changes a previous page in this tab left unsaved. Browser only: call after hydration. */
function readJournal(attemptId: string): Map<string, Pending> {
  try {
    const raw = window.sessionStorage.getItem(journalKey(attemptId));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (!parsed || typeof parsed !== "object") return new Map();
    const entries = Object.entries(parsed as Record<string, Partial<Pending>>).flatMap(
      ([itemId, p]): Array<[string, Pending]> => {
        if (!p || typeof p !== "object" || !Number.isInteger(p.ms) || (p.ms ?? -1) < 0) return [];
        const choice = OWNERS.find((o) => o === p.choice) ?? null;
        const option = typeof p.option === "string" && OPTION_KEY.test(p.option) ? p.option : null;
        const confidence =
          p.confidence === "sure" || p.confidence === "unsure" ? p.confidence : null;
        // Journals written before option items existed have no byOption: they were owner answers.
        const byOption = p.byOption === true;
        return [[itemId, { choice, option, confidence, byOption, ms: p.ms ?? 0 }]];
      },
    );
    return new Map(entries);
  } catch {
    // Storage disabled or a corrupt entry: nothing to restore.
    return new Map();
  }
}

function writeJournal(attemptId: string, unsaved: Map<string, Pending>) {
  try {
    if (unsaved.size === 0) window.sessionStorage.removeItem(journalKey(attemptId));
    else
      window.sessionStorage.setItem(
        journalKey(attemptId),
        JSON.stringify(Object.fromEntries(unsaved)),
      );
  } catch {
    // Storage full or disabled: the debounced save and the pagehide save still run.
  }
}

function toBody(unsaved: Map<string, Pending>) {
  return JSON.stringify({
    answers: [...unsaved.entries()].map(([itemId, p]) => ({
      ...toAnswerBody({ id: itemId, choices: p.byOption ? [] : [...OWNERS] }, p),
      ms: p.ms,
    })),
  });
}

/**
 * Autosave for an attempt's answers: changes are queued, sent in one batch 400 ms after the last
 * one, retried with the next change when a save fails, sent with `keepalive` when the page goes away
 * (pagehide, or the board unmounting on a client-side navigation), and journalled in sessionStorage
 * until acknowledged. Mount it only in the browser: its first state reads that journal.
 */
export function useAutosave(attemptId: string, { onClosed }: { onClosed?: () => void } = {}) {
  // The journal is read once, when the board first mounts in the browser.
  const [restored] = useState<ReadonlyMap<string, Pending>>(() => readJournal(attemptId));
  const [status, setStatus] = useState<SaveStatus>(restored.size > 0 ? "saving" : "saved");
  const unsaved = useRef(new Map<string, Pending>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onClosedRef = useRef(onClosed);
  useEffect(() => {
    onClosedRef.current = onClosed;
  });

  const url = `/api/attempts/${attemptId}/answers`;

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    if (unsaved.current.size === 0) return true;
    const batch = new Map(unsaved.current);
    unsaved.current.clear();
    setStatus("saving");
    const response = await fetch(url, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: toBody(batch),
    }).catch(() => null);
    if (response?.status === 409) {
      // Submitted meanwhile (another tab): nothing here can be saved any more.
      unsaved.current.clear();
      writeJournal(attemptId, unsaved.current);
      setStatus("closed");
      onClosedRef.current?.();
      return false;
    }
    if (!response?.ok) {
      // Keep what failed, unless a newer change to the same card arrived meanwhile.
      for (const [itemId, pending] of batch)
        if (!unsaved.current.has(itemId)) unsaved.current.set(itemId, pending);
      writeJournal(attemptId, unsaved.current);
      setStatus("error");
      return false;
    }
    writeJournal(attemptId, unsaved.current);
    setStatus(unsaved.current.size > 0 ? "saving" : "saved");
    return true;
  }, [attemptId, url]);

  const save = useCallback(
    (item: Pick<QuizItem, "id" | "choices">, answer: Answer, ms: number) => {
      const byOption = item.choices.length === 0;
      unsaved.current.set(item.id, {
        choice: byOption ? null : answer.choice,
        option: byOption ? answer.option : null,
        confidence: answer.confidence,
        byOption,
        ms,
      });
      writeJournal(attemptId, unsaved.current);
      setStatus("saving");
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [attemptId, flush],
  );

  /** After a submit, which sends every answer itself: nothing is left to save. */
  const discard = useCallback(() => {
    clearTimeout(timer.current);
    unsaved.current.clear();
    writeJournal(attemptId, unsaved.current);
  }, [attemptId]);

  useEffect(() => {
    // What a previous page left unsaved goes out again now.
    for (const [itemId, pending] of restored)
      if (!unsaved.current.has(itemId)) unsaved.current.set(itemId, pending);
    if (unsaved.current.size > 0) timer.current = setTimeout(() => void flush(), 0);

    // Leaving mid-save: send what is pending with keepalive, which outlives the page.
    const sendNow = () => {
      if (unsaved.current.size === 0) return;
      void fetch(url, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: toBody(unsaved.current),
        keepalive: true,
      }).catch(() => undefined);
    };
    window.addEventListener("pagehide", sendNow);
    return () => {
      window.removeEventListener("pagehide", sendNow);
      clearTimeout(timer.current);
      // A client-side navigation unmounts the board without a pagehide.
      sendNow();
    };
  }, [flush, restored, url]);

  return { restored, status, save, flush, discard };
}
