const DAY_MS = 86_400_000;

const date = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

/** "3 Nov 2026": a day, in UTC like every date the server renders. */
export function formatDate(iso: string): string {
  return date.format(Date.parse(iso));
}

/** "3 Nov 2026, 14:05 UTC". */
export function formatDateTime(iso: string): string {
  return dateTime.format(Date.parse(iso));
}

/** "today", "yesterday", "5 days ago": how long since, in whole days. */
export function formatDaysAgo(iso: string, now: Date): string {
  const days = Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS);
  if (days <= 0) return "today";
  if (days === 1) return "yesterday";
  return `${days} days ago`;
}
