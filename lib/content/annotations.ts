import { parseDocument, isSeq, type Node as YamlNode } from "yaml";
import { z } from "zod";
import { checkAwsSource } from "./control-extras";
import { findOwnerLeaks } from "./owner-leak";
import { inlineText } from "./parse-note";
import { SERVICE_LAYERS } from "./service-layers";
import { isControlKind, type ContentProblem, type NoteAnnotation, type ParsedNote } from "./types";

/**
 * Annotations: short cited callouts beside lines of a note that must stay as written (the seed note
 * is kept verbatim) but that AWS's documentation qualifies. They live in a sidecar file,
 * `annotations/<Note title>.yaml` under the content root, so the note itself is never edited:
 *
 *   - bullet: Training                  # a bullet's term, as content:check --items prints it
 *     text: AWS trains its own employees; customers train theirs.
 *     source:
 *       title: Shared Responsibility Model
 *       url: https://aws.amazon.com/compliance/shared-responsibility-model/
 *   - heading: Variation by Service     # or a section, by its heading
 *     title: Per-service notes          # optional; "What AWS's documentation adds" by default
 *     text: See [[Amazon EC2]] and [[Amazon RDS]].
 *     source: { title: ..., url: ... }   # every annotation cites AWS documentation
 *
 * A "Variation by Service" bullet is named by its term ("PaaS (RDS, Elastic Beanstalk)") and may
 * list `layers:` (guest-os, applications, ...): only those layers' quiz items get the text.
 * `description:` gives the targeted control the neutral text its card shows before grading, for a
 * line whose own explanation names its owner (owner-leak.ts); the entry's `source` then backs the
 * item's owner too, unless the note cites one itself. `text` is optional: an entry may only
 * describe a line, or only cite the page that backs its owner.
 * `quiz: false` withdraws the targeted items from the quiz instead, for a line whose owner AWS's
 * documentation contradicts: a wrong owner must never be taught, and the callout says why. The
 * lesson shows the callout inside the bullet's card or under the heading, and the quiz explanation
 * of every item the bullet yields ends with the text. An unknown note, bullet, heading or layer is an
 * error in content:check; a source must be AWS documentation (docs.aws.amazon.com or aws.amazon.com).
 */

export const ANNOTATIONS_FOLDER = "annotations";
export const DEFAULT_ANNOTATION_TITLE = "What AWS's documentation adds";

export interface AnnotationFile {
  /** Path relative to the content root, for messages: `annotations/<Note title>.yaml`. */
  file: string;
  source: string;
}

const sourceSchema = z.object({
  title: z.string().trim().min(1),
  url: z
    .string()
    .trim()
    // The one rule for what may back an owner (control-extras.ts), retired pages included.
    .superRefine((url, ctx) => {
      const checked = checkAwsSource(url);
      if (checked.ok) return;
      ctx.addIssue({
        code: "custom",
        message: checked.onAwsHost
          ? `is not a source: ${checked.why}`
          : "must be an https:// address on docs.aws.amazon.com or aws.amazon.com",
      });
    }),
});

const layerIds = SERVICE_LAYERS.map((layer) => layer.id) as [string, ...string[]];

const entrySchema = z
  .object({
    bullet: z.string().trim().min(1).optional(),
    heading: z.string().trim().min(1).optional(),
    title: z.string().trim().min(1).optional(),
    text: z.string().trim().min(1).optional(),
    description: z
      .string()
      .trim()
      .min(1)
      .refine((text) => findOwnerLeaks(text).length === 0, {
        message: "names an owner, so it would give the answer away (see owner-leak.ts)",
      })
      .optional(),
    source: sourceSchema,
    layers: z.array(z.enum(layerIds)).min(1).optional(),
    quiz: z.literal(false).optional(),
  })
  .strict()
  .refine((entry) => (entry.bullet === undefined) !== (entry.heading === undefined), {
    message: "name exactly one target: bullet or heading",
  })
  .refine((entry) => entry.text !== undefined || entry.quiz === undefined, {
    message: "quiz: false needs a text that says why the line is not asked",
  });

type Entry = z.infer<typeof entrySchema>;

const noteTitleOf = (file: string) =>
  (file.split("/").pop() ?? file).replace(/\.ya?ml$/i, "").trim();

function lineAt(source: string, offset: number | undefined): number {
  return offset === undefined ? 1 : source.slice(0, offset).split("\n").length;
}

/**
 * Reads every annotation file and attaches its annotations to the note it names: each note gets
 * `annotations`, and each annotated quiz item's `detail` gains the annotation's text. Pure: problems
 * are returned, never thrown; an annotation with a problem is not applied.
 */
export function applyAnnotations(
  notes: ParsedNote[],
  files: AnnotationFile[],
): { notes: ParsedNote[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const byNote = new Map<ParsedNote, Array<{ entry: Entry; line: number; file: string }>>();
  for (const { file, source } of files) {
    const error = (line: number, message: string) =>
      problems.push({ file, line, severity: "error", message });
    const title = noteTitleOf(file);
    const matching = notes.filter((n) => n.title.toLowerCase() === title.toLowerCase());
    const note =
      matching.find((n) => noteTitleOf(n.file.replace(/\.mdx?$/i, "")) === title) ?? matching[0];
    if (!note) {
      error(1, `annotations for "${title}", but no note has that title (name the file <Note title>.yaml)`);
      continue;
    }
    const doc = parseDocument(source);
    if (doc.errors.length > 0) {
      for (const e of doc.errors) error((e.linePos?.[0]?.line ?? 0) + 1, `broken annotations: ${e.message.split("\n")[0]}`);
      continue;
    }
    if (!isSeq(doc.contents)) {
      error(1, "annotations must be a list of entries (- bullet: ... or - heading: ...)");
      continue;
    }
    doc.contents.items.forEach((node, i) => {
      const line = lineAt(source, (node as YamlNode).range?.[0]);
      const parsed = entrySchema.safeParse((doc.toJS() as unknown[])[i]);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          error(line, `annotation ${i + 1}: ${issue.path.join(".") || "entry"}: ${issue.message}`);
        }
        return;
      }
      byNote.set(note, [...(byNote.get(note) ?? []), { entry: parsed.data, line, file }]);
    });
  }

  const out = notes.map((note) => {
    const entries = byNote.get(note);
    if (!entries) return note;
    const annotations: NoteAnnotation[] = [];
    const extra = new Map<string, string[]>();
    const described = new Map<string, string>();
    const cited = new Map<string, { title: string; url: string }>();
    const withdrawn = new Set<string>();
    for (const { entry, line, file } of entries) {
      const error = (message: string) => problems.push({ file, line, severity: "error", message });
      const resolved = resolveTarget(note, entry);
      if ("error" in resolved) {
        error(resolved.error);
        continue;
      }
      if (entry.layers && resolved.items.every((item) => !item.serviceModel)) {
        error(`layers: only a "Variation by Service" bullet has layers; "${entry.bullet ?? entry.heading}" is not one`);
        continue;
      }
      const items = entry.layers
        ? resolved.items.filter((item) => entry.layers?.some((layer) => item.key.endsWith(`:${layer}`)))
        : resolved.items;
      for (const item of items) {
        if (entry.quiz === false) withdrawn.add(item.key);
        else if (entry.text !== undefined) extra.set(item.key, [...(extra.get(item.key) ?? []), inlineText(entry.text)]);
        if (entry.description !== undefined) described.set(item.key, entry.description);
        if (!cited.has(item.key)) cited.set(item.key, entry.source);
      }
      if (entry.text === undefined) continue;
      annotations.push({
        target: entry.bullet !== undefined ? { kind: "bullet", text: entry.bullet } : { kind: "heading", text: entry.heading ?? "" },
        anchor: resolved.anchor,
        title: entry.title ?? DEFAULT_ANNOTATION_TITLE,
        text: entry.text,
        source: entry.source,
      });
    }
    const items = note.items
      .filter((item) => !withdrawn.has(item.key))
      .map((item) => {
        const added = extra.get(item.key);
        const description = described.get(item.key);
        const citation = item.citation ?? cited.get(item.key);
        return {
          ...item,
          ...(added ? { detail: [item.detail, ...added].filter(Boolean).join(" ") } : {}),
          ...(description !== undefined ? { description } : {}),
          ...(citation ? { citation } : {}),
        };
      });
    // A line given a neutral description here no longer gives its owner away.
    const describedLines = new Set(note.items.filter((item) => described.has(item.key)).map((item) => item.line));
    const settled = note.problems.filter(
      (problem) => !(problem.strict === "owner-leak" && describedLines.has(problem.line)),
    );
    return { ...note, items, annotations, problems: settled };
  });
  return { notes: out, problems };
}

type Resolved = { anchor: string; items: ParsedNote["items"] } | { error: string };

function resolveTarget(note: ParsedNote, entry: Entry): Resolved {
  if (entry.heading !== undefined) {
    const heading = note.headings.find((h) => h.text.toLowerCase() === entry.heading?.toLowerCase());
    if (!heading) return { error: `"${note.title}" has no heading "${entry.heading}"` };
    return { anchor: heading.anchor, items: [] };
  }
  const term = entry.bullet?.toLowerCase();
  const controls = note.items.filter((item) => isControlKind(item.kind) && item.prompt.toLowerCase() === term);
  const services = note.items.filter((item) => item.serviceModel?.toLowerCase() === term);
  const items = controls.length > 0 ? controls.slice(0, 1) : services;
  if (items.length === 0) {
    return { error: `"${note.title}" has no bullet "${entry.bullet}" that is a quiz item (see content:check --items)` };
  }
  // A service item links to its matrix row; the callout belongs to the section the bullet is in.
  const line = items[0].line;
  const section = [...note.headings].reverse().find((h) => h.line < line);
  return { anchor: isControlKind(items[0].kind) ? items[0].anchor : (section?.anchor ?? ""), items };
}
