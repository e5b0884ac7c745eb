import type {
  AssignmentKindName,
  AssignmentStatus,
  ReviewAnswersName,
} from "@/lib/contracts/assignments";
import { numberOrText } from "@/lib/practice/practice-form";

/** The assign form's fields, as it shows them: an error for any other field is shown apart. */
export const ASSIGNMENT_FORM_FIELDS = [
  "kind",
  "title",
  "noteSlugs",
  "targetMastery",
  "size",
  "timeLimitMinutes",
  "attemptsAllowed",
  "reviewAnswers",
  "dueAt",
  "opensAt",
] as const;

/** The assignment forms' fields as a form posts them; the lessons repeat under one name. */
export interface AssignmentFormFields {
  kind: string | null;
  title: string | null;
  noteSlugs: string[];
  targetMastery: string | null;
  size: string | null;
  timeLimitMinutes: string | null;
  attemptsAllowed: string | null;
  reviewAnswers: string | null;
  /** ISO 8601 by the time the form is sent: the browser converts what was typed (localInputToIso). */
  dueAt: string | null;
  opensAt: string | null;
}

/** The text of a field, or undefined when it was left empty. */
function filled(value: string | null): string | undefined {
  const text = value?.trim() ?? "";
  return text === "" ? undefined : text;
}

/**
 * The body `POST /api/teams/<id>/assignments` takes, from the assign form: only the fields of the
 * kind picked, empty optional fields left out. It still goes through createAssignmentSchema, which
 * says what is wrong, field by field.
 */
export function assignmentInputFromForm(fields: AssignmentFormFields): Record<string, unknown> {
  const common = {
    kind: fields.kind ?? "",
    noteSlugs: fields.noteSlugs,
    dueAt: fields.dueAt ?? "",
    ...optional("opensAt", filled(fields.opensAt)),
    ...optional("title", filled(fields.title)),
  };
  if (fields.kind !== "practice") return { ...common, targetMastery: fields.targetMastery ?? "" };
  return {
    ...common,
    size: numberOrText(fields.size) ?? "",
    attemptsAllowed: numberOrText(fields.attemptsAllowed) ?? "",
    ...optional("timeLimitMinutes", numberOrText(fields.timeLimitMinutes)),
    ...optional("reviewAnswers", filled(fields.reviewAnswers)),
  };
}

/**
 * The body `PATCH /api/teams/<id>/assignments/<aid>` takes, from an assignment's edit form: the
 * fields of its kind. An emptied open date opens it now, an emptied time limit removes the limit.
 */
export function assignmentUpdateFromForm(
  kind: AssignmentKindName,
  fields: Omit<AssignmentFormFields, "kind" | "noteSlugs">,
): Record<string, unknown> {
  const common = {
    dueAt: fields.dueAt ?? "",
    opensAt: filled(fields.opensAt) ?? null,
    ...optional("title", filled(fields.title)),
  };
  if (kind === "notes") return { ...common, targetMastery: fields.targetMastery ?? "" };
  return {
    ...common,
    size: numberOrText(fields.size) ?? "",
    attemptsAllowed: numberOrText(fields.attemptsAllowed) ?? "",
    timeLimitMinutes: numberOrText(fields.timeLimitMinutes) ?? null,
    reviewAnswers: fields.reviewAnswers ?? "",
  };
}

function optional<Key extends string, Value>(key: Key, value: Value | undefined) {
  return value === undefined ? {} : ({ [key]: value } as Record<Key, Value>);
}

/**
 * What a `datetime-local` input holds ("2026-11-29T17:00"), as an ISO instant, read in the time zone
 * of the runtime: the browser's, where the form is filled in. Text that is no date is passed on as
 * it is, for the schema to refuse with its message.
 */
export function localInputToIso(value: string): string {
  // A date and time without an offset is local time in ECMAScript, with the zone's DST at that date.
  const date = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : value;
}

/** An ISO instant as a `datetime-local` input's value in the runtime's time zone, to the minute. */
export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  const two = (n: number) => String(n).padStart(2, "0");
  return (
    `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}` +
    `T${two(date.getHours())}:${two(date.getMinutes())}`
  );
}

export const STATUS_LABELS: Record<AssignmentStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  done: "Done",
  overdue: "Overdue",
};

/** When a practice assignment shows its right answers and explanations, as a learner reads it. */
export const REVIEW_LABELS: Record<ReviewAnswersName, string> = {
  immediately: "right after submitting",
  after_due: "after the due date",
  never: "never",
};
