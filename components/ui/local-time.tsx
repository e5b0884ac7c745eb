"use client";

import { useSyncExternalStore } from "react";
import { formatDateTime } from "@/components/dashboard/format";

const inViewersZone = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
});

// Nothing to subscribe to: the zone does not change while the page is open.
const subscribe = () => () => {};

/**
 * A date and time in the viewer's own time zone. The server cannot know that zone, so it renders UTC
 * (named as such) and the browser swaps in local time on hydration, without a mismatch warning.
 */
export function LocalTime({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    subscribe,
    () => inViewersZone.format(Date.parse(iso)),
    () => formatDateTime(iso),
  );
  return <time dateTime={iso}>{text}</time>;
}

/** The viewer's time zone name ("Europe/Paris"); null while rendering on the server. */
export function useViewerZone(): string | null {
  return useSyncExternalStore(
    subscribe,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
}
