import type { PracticeSettings, QuizItemKind } from "@/lib/contracts/quiz";

/** The item kinds in the order the practice form lists them, with the names learners see. */
export const PRACTICE_KINDS: Array<{ kind: QuizItemKind; title: string }> = [
  { kind: "assign", title: "Who owns each control" },
  { kind: "service", title: "Service by service" },
  { kind: "matrix", title: "Service matrix" },
  { kind: "split", title: "The two halves of Shared" },
  { kind: "scenario", title: "Incident scenarios" },
];

export const PRACTICE_SIZE = { min: 5, max: 100, default: 20 } as const;
/** The time limits offered as one tap each; any other whole number of minutes goes in "Other". */
export const PRACTICE_TIME_LIMITS = [10, 20, 30] as const;

/** The practice form's fields as a form posts them: repeated names give several values. */
export interface PracticeFormFields {
  allNotes: string | null;
  notes: string[];
  kinds: string[];
  size: string | null;
  /** "none", one of PRACTICE_TIME_LIMITS, or "other" with the minutes in `timeLimitOther`. */
  timeLimit: string | null;
  timeLimitOther: string | null;
}

/**
 * A typed number when the text is one, else the text itself, so that the schema says "must be a
 * number" about "x" rather than the form turning it into NaN or 0.
 */
export function numberOrText(value: string | null): number | string | undefined {
  const text = value?.trim() ?? "";
  if (text === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/**
 * The body `POST /api/practice-tests` takes, from the form: "All lessons" (or no lesson field at
 * all) means every lesson; a time limit of "none" means untimed. The result still goes through
 * practiceTestSchema, which says what is wrong with it, field by field.
 */
export function practiceInputFromForm(fields: PracticeFormFields): Record<string, unknown> {
  const timeLimit =
    fields.timeLimit === "other"
      ? numberOrText(fields.timeLimitOther)
      : fields.timeLimit === null || fields.timeLimit === "none" || fields.timeLimit === ""
        ? undefined
        : numberOrText(fields.timeLimit);
  return {
    ...(fields.allNotes ? {} : { notes: fields.notes }),
    kinds: fields.kinds,
    size: numberOrText(fields.size) ?? "",
    ...(timeLimit === undefined ? {} : { timeLimitMinutes: timeLimit }),
  };
}

/**
 * Field errors filed under the form's own fields: "notes.2" (a lesson that does not exist) under
 * "notes", "kinds.0" under "kinds". "_" stays the form as a whole.
 */
export function practiceFieldErrors(fields: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(fields)) {
    const field = key.split(".")[0] || "_";
    out[field] = [...(out[field] ?? []), ...messages.filter((m) => !out[field]?.includes(m))];
  }
  return out;
}

/** The settings again as the body that starts them: what "Retake with the same settings" sends. */
export function practiceInputFromSettings(settings: PracticeSettings): Record<string, unknown> {
  return {
    ...(settings.notes ? { notes: settings.notes } : {}),
    ...(settings.kinds ? { kinds: settings.kinds } : {}),
    size: settings.size,
    ...(settings.timeLimitMinutes ? { timeLimitMinutes: settings.timeLimitMinutes } : {}),
  };
}

/** "12:05", "00:09": minutes and seconds left, rounded up so that 00:00 means time is up. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
}

/** The moments a countdown announces: five minutes left, one minute left, and time up. */
export const COUNTDOWN_ANNOUNCEMENTS = [
  { atMs: 5 * 60_000, text: "5 minutes left." },
  { atMs: 60_000, text: "1 minute left." },
  { atMs: 0, text: "Time is up. Your saved answers are being submitted." },
] as const;

/**
 * What to announce as the time left goes from `before` to `now` (ms): the last threshold crossed,
 * if any. A threshold already passed when the countdown started is never announced: a learner who
 * opens a test with 3 minutes left hears "1 minute left" later, not "5 minutes left" at once.
 */
export function countdownAnnouncement(before: number, now: number): string | null {
  const crossed = COUNTDOWN_ANNOUNCEMENTS.filter((a) => before > a.atMs && now <= a.atMs);
  return crossed.at(-1)?.text ?? null;
}

/**
 * A practice test's settings in a line: "10 questions from 2 lessons · Who owns each control ·
 * 20-minute limit". `questions` is what was drawn, which a small pool can make fewer than asked.
 */
export function describePractice(settings: PracticeSettings, questions: number): string {
  const lessons = settings.notes
    ? `${settings.notes.length} lesson${settings.notes.length === 1 ? "" : "s"}`
    : "all lessons";
  // "Who owns each control, service matrix": one list, so one capital.
  const kinds = settings.kinds
    ? PRACTICE_KINDS.filter((k) => settings.kinds?.includes(k.kind))
        .map((k, i) => (i === 0 ? k.title : k.title[0].toLowerCase() + k.title.slice(1)))
        .join(", ")
    : "every kind of question";
  return [
    `${questions} question${questions === 1 ? "" : "s"} from ${lessons}`,
    kinds,
    // A no-break space: "20 minutes" never splits across lines.
    settings.timeLimitMinutes
      ? `time limit ${settings.timeLimitMinutes}\u00a0minutes`
      : "no time limit",
  ].join(" · ");
}
