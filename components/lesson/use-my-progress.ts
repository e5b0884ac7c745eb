"use client";

import { useCallback, useEffect, useState } from "react";
import type { MasteryLevel } from "@/lib/quiz/mastery";
import { useSessionUser } from "@/components/layout/use-session-user";

export interface MyProgress {
  lessons: Array<{ slug: string; read: boolean }>;
  quizzes: Array<{
    slug: string;
    attempts: number;
    bestScore: number | null;
    lastScore: number | null;
  }>;
  mastery: Array<{ noteSlug: string; level: MasteryLevel }>;
  due: number;
}

let pending: Promise<MyProgress | null> | undefined;

function fetchProgress(): Promise<MyProgress | null> {
  pending ??= fetch("/api/me/progress", { cache: "no-store" })
    .then((response) => (response.ok ? (response.json() as Promise<MyProgress>) : null))
    .catch(() => null);
  return pending;
}

/** The signed-in learner's progress for the islands on static lesson pages; null when signed out. */
export function useMyProgress() {
  const session = useSessionUser();
  const [progress, setProgress] = useState<MyProgress | null | undefined>(undefined);
  useEffect(() => {
    if (session.status === "loading") return;
    if (session.status === "anonymous") {
      setProgress(null);
      return;
    }
    let live = true;
    fetchProgress().then((p) => live && setProgress(p));
    return () => {
      live = false;
    };
  }, [session.status]);
  const refresh = useCallback(() => {
    pending = undefined;
    fetchProgress().then(setProgress);
  }, []);
  return { progress, refresh };
}
