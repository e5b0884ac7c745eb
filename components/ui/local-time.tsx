"use client";

import { useSyncExternalStore } from "react";
import { formatDate, formatDateTime } from "@/components/dashboard/format";

const inViewersZone = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
});

const dayInViewersZone = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
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

/** The day of an instant ("7 Dec 2026") on the viewer's own calendar; UTC's from the server. */
export function LocalDate({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    subscribe,
    () => dayInViewersZone.format(Date.parse(iso)),
    () => formatDate(iso),
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
