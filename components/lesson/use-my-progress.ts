"use client";

import { useCallback, useEffect, useState } from "react";
import { useSessionUser } from "@/components/layout/use-session-user";
import type { MyProgress } from "@/lib/contracts/progress";

let pending: Promise<MyProgress | null> | undefined;

function fetchProgress(): Promise<MyProgress | null> {
  pending ??= fetch("/api/me/progress", { cache: "no-store" })
    .then((response) => (response.ok ? (response.json() as Promise<MyProgress>) : null))
    .catch(() => null);
  return pending;
}

/**
 * The signed-in learner's progress for the islands on static lesson pages: undefined while it loads,
 * null when signed out.
 */
export function useMyProgress() {
  const session = useSessionUser();
  const [fetched, setFetched] = useState<MyProgress | null | undefined>(undefined);
  useEffect(() => {
    if (session.status !== "signed-in") return;
    let live = true;
    fetchProgress().then((p) => live && setFetched(p));
    return () => {
      live = false;
    };
  }, [session.status]);
  const refresh = useCallback(() => {
    pending = undefined;
    fetchProgress().then(setFetched);
  }, []);
  const progress = session.status === "anonymous" ? null : fetched;
  return { progress, refresh };
}
