import type { ReactNode } from "react";
import type { Owner, Severity } from "@/lib/content/types";
import type { ErrorBody } from "./errors";
import type { ItemKindName } from "./teams";

/**
 * `POST /api/authoring/preview` (instructors and admins), and the data of the preview page: what the
 * build would make of one note, without saving anything. The note is read beside the shipped
 * lessons, so its links, titles and owners are checked against them as the build checks them.
 */
export interface NotePreviewReport {
  /** The note's file name as the build would know it. */
  file: string;
  title: string;
  slug: string;
  /**
   * The shipped note of the same file name that the preview stands in for, when there is one: an
   * edited note is previewed in its place rather than beside itself.
   */
  replaces: string | null;
  /** True when the note has an error: the build would leave it out of the lessons and quizzes. */
  leftOut: boolean;
  items: Array<{
    prompt: string;
    /** The item as the team dashboard names it: with its service, matrix cell, half or scenario. */
    label: string;
    owner: Owner;
    /** As the quiz API spells it: assign, service, matrix, split or scenario. */
    kind: ItemKindName;
    /** The item's own line in the note. */
    line: number;
    /** The service model, for a layer of "Variation by Service". */
    serviceModel: string | null;
    /** The heading the owner came from, its line and the rule it matched; null when none did. */
    source: { heading: string; line: number; rule: string } | null;
  }>;
  /** Every error and warning about the note, by line. */
  problems: Array<{
    /** The note's file, or the other file that names it (an annotation sidecar, say). */
    file: string;
    line: number;
    severity: Severity;
    message: string;
    /** A warning that the shipped, curated content may not have: an error there (content:check). */
    strictInCurated: boolean;
  }>;
}

/**
 * What the preview page's action answers: the report and the lesson, rendered on the server as a
 * lesson page renders it (null when it could not be: the report's problems say why), or the API's
 * error shape.
 */
export type NotePreviewState =
  { ok: true; report: NotePreviewReport; lesson: ReactNode } | ({ ok: false } & ErrorBody) | null;
