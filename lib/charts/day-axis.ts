/**
 * The x-axis of a chart over time, in the viewer's own time zone: one band per calendar day, and in
 * each band one slot per distinct time that falls on it. A day with three attempts is three slots
 * wide (and half a slot each side), so its points stand apart instead of drawing one vertical line; a day with nothing, or with
 * one figure per series (a daily series, given as "YYYY-MM-DD"), is one slot wide. Pure, so that the
 * server (which renders UTC) and the browser (which knows the zone) lay out the same way.
 */

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "2025-12-07": the calendar day `date` falls on in `zone`; a date with no time is its own day. */
export function dayIn(date: string, zone: string): string {
  if (DATE_ONLY.test(date)) return date;
  let format = dayFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormats.set(zone, format);
  }
  const parts = Object.fromEntries(
    format.formatToParts(Date.parse(date)).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Every calendar day from `first` to `last`, both included, as "YYYY-MM-DD". */
export function daysFrom(first: string, last: string): string[] {
  const days: string[] = [];
  // Calendar days counted on UTC midnights: no zone's daylight saving can skip or repeat one.
  for (let t = Date.parse(first); t <= Date.parse(last); t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

export interface DayBand {
  /** "YYYY-MM-DD", in the viewer's zone. */
  day: string;
  /** Where the band starts and how wide it is, in slots. */
  start: number;
  width: number;
}

export interface DayAxis {
  bands: DayBand[];
  /** The axis' length in slots. */
  slots: number;
  /** The middle of the slot of `date` (one of the dates laid out), in slots from the start. */
  at: (date: string) => number;
}

/**
 * Lays out `dates` (ISO dates or date-times) on days in `zone`, from the day of `from` (or of the
 * first date) to the day of `to` (or of the last date). Equal dates share a slot, so the series of a
 * daily chart line up; different times on one day each get a slot, in time order.
 */
export function layoutDayAxis(
  dates: readonly string[],
  zone: string,
  range: { from?: string; to?: string } = {},
): DayAxis {
  const timesOn = new Map<string, string[]>();
  for (const date of new Set(dates)) {
    const day = dayIn(date, zone);
    timesOn.set(day, [...(timesOn.get(day) ?? []), date]);
  }
  const ends = [
    ...timesOn.keys(),
    ...[range.from, range.to].flatMap((d) => (d ? [dayIn(d, zone)] : [])),
  ].sort();
  if (ends.length === 0) return { bands: [], slots: 0, at: () => 0 };
  const bands: DayBand[] = [];
  const slotOf = new Map<string, number>();
  let start = 0;
  for (const day of daysFrom(ends[0], ends.at(-1)!)) {
    const times = (timesOn.get(day) ?? []).sort((a, b) => Date.parse(a) - Date.parse(b));
    // A day of several times gets half a slot of room at each end, so that its first and last
    // points sit nearer to its own label than to the next day's.
    const width = times.length > 1 ? times.length + 1 : 1;
    const first = start + (width - times.length) / 2 + 0.5;
    times.forEach((time, k) => slotOf.set(time, first + k));
    bands.push({ day, start, width });
    start += width;
  }
  return { bands, slots: start, at: (date) => slotOf.get(date) ?? 0 };
}

/**
 * The days to name under the axis: from the first, each day whose middle is at least `gap` slots
 * past the last one named, so that labels never overlap however many days there are.
 */
export function labelledDays(bands: readonly DayBand[], gap: number): DayBand[] {
  const picked: DayBand[] = [];
  let last = -Infinity;
  for (const band of bands) {
    const middle = band.start + band.width / 2;
    if (middle - last < gap) continue;
    picked.push(band);
    last = middle;
  }
  return picked;
}

const shortDay = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});
const longDay = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const times = new Map<string, Intl.DateTimeFormat>();

/** "7 Dec" for the day "2025-12-07" (a calendar day: no zone moves it). */
export function formatDayShort(day: string): string {
  return shortDay.format(Date.parse(day));
}

/**
 * "7 Dec 2025" for a date with no time; "7 Dec 2025, 20:05" for a date-time, on the clock of
 * `zone`.
 */
export function formatWhen(date: string, zone: string): string {
  if (DATE_ONLY.test(date)) return longDay.format(Date.parse(date));
  let format = times.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    });
    times.set(zone, format);
  }
  return format.format(Date.parse(date));
}
