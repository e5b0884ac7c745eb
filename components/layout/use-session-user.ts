"use client";

import { useEffect, useState } from "react";
import type { CurrentUser } from "@/lib/contracts/session";

type SessionState =
  { status: "loading" } | { status: "anonymous" } | { status: "signed-in"; user: CurrentUser };

let pending: Promise<SessionState> | undefined;

function fetchSession(): Promise<SessionState> {
  pending ??= fetch("/api/auth/session", { cache: "no-store" })
    .then((response) => response.json() as Promise<{ user?: CurrentUser }>)
    .then((session): SessionState =>
      session.user?.id ? { status: "signed-in", user: session.user } : { status: "anonymous" },
    )
    .catch((): SessionState => ({ status: "anonymous" }));
  return pending;
}

/**
 * The signed-in user, for the small client islands on statically generated pages. One request per
 * page load, shared by every island. The server checks authorization itself on every request.
 */
export function useSessionUser(): SessionState {
  const [state, setState] = useState<SessionState>({ status: "loading" });
  useEffect(() => {
    let live = true;
    fetchSession().then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, []);
  return state;
}
