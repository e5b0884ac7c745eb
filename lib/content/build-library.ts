import { createAnchorSlugger, slugify } from "./slug";
import type { ContentProblem, ParsedNote, WikiLink } from "./types";

export interface ResolvedLink {
  /** `/lessons/<slug>#anchor`, or undefined when the note is unwritten. */
  href?: string;
  slug?: string;
}

export interface Library {
  /** Notes in reading order (by title). Notes whose slug is taken by an earlier file are left out. */
  notes: ParsedNote[];
  bySlug: Map<string, ParsedNote>;
  /** Slugs of the notes that link to each slug. */
  backlinks: Map<string, string[]>;
  /** Lower-case tag -> slugs, tags sorted by name. */
  tags: Map<string, string[]>;
  problems: ContentProblem[];
  resolve(link: Pick<WikiLink, "target" | "heading">, from?: ParsedNote): ResolvedLink;
}

export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}:${problem.line}: ${problem.severity}: ${problem.message}`;
}

export function lessonHref(slug: string, anchor?: string): string {
  return `/lessons/${slug}${anchor ? `#${anchor}` : ""}`;
}

/** Joins parsed notes into a library: link resolution, backlinks, tags and cross-note problems. */
export function buildLibrary(parsed: ParsedNote[]): Library {
  const problems: ContentProblem[] = parsed.flatMap((note) => note.problems);
  const bySlug = new Map<string, ParsedNote>();
  // Code-point order, so that which of two clashing files wins does not depend on the locale.
  for (const note of [...parsed].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    if (!note.slug) continue;
    const earlier = bySlug.get(note.slug);
    if (earlier) {
      problems.push({ file: note.file, line: 1, severity: "error", message: `two notes have the slug "${note.slug}": ${earlier.file} and ${note.file}` });
      continue;
    }
    bySlug.set(note.slug, note);
  }
  const notes = [...bySlug.values()].sort((a, b) => a.title.localeCompare(b.title, "en", { sensitivity: "base" }));

  const byName = new Map<string, ParsedNote>();
  for (const note of notes) {
    for (const name of [note.title, ...note.aliases]) byName.set(name.toLowerCase(), note);
  }
  const findNote = (target: string): ParsedNote | undefined => byName.get(target.toLowerCase()) ?? bySlug.get(slugify(target));

  const resolve = (link: Pick<WikiLink, "target" | "heading">, from?: ParsedNote): ResolvedLink => {
    const note = link.target ? findNote(link.target) : from;
    if (!note) return {};
    const anchor = link.heading ? anchorFor(note, link.heading) : undefined;
    return { slug: note.slug, href: lessonHref(note.slug, anchor) };
  };

  const backlinks = new Map<string, string[]>();
  const tags = new Map<string, string[]>();
  for (const note of notes) {
    for (const link of note.links) {
      if (link.embed) continue;
      const target = link.target ? findNote(link.target) : note;
      if (!target) {
        problems.push({ file: note.file, line: link.line, severity: "warning", message: `link to unwritten note "${link.target}"` });
        continue;
      }
      if (link.heading && !target.headings.some((h) => h.text.toLowerCase() === link.heading?.toLowerCase())) {
        problems.push({ file: note.file, line: link.line, severity: "warning", message: `"${target.title}" has no heading "${link.heading}"` });
      }
      if (target === note) continue;
      const from = backlinks.get(target.slug) ?? [];
      if (!from.includes(note.slug)) from.push(note.slug);
      backlinks.set(target.slug, from);
    }
    for (const tag of note.tags) tags.set(tag, [...(tags.get(tag) ?? []), note.slug]);
  }

  return {
    notes,
    bySlug,
    backlinks,
    tags: new Map([...tags.entries()].sort(([a], [b]) => a.localeCompare(b))),
    problems,
    resolve,
  };
}

/** The anchor of a heading in a note, matching the heading's id on the lesson page. */
function anchorFor(note: ParsedNote, heading: string): string {
  const known = note.headings.find((h) => h.text.toLowerCase() === heading.toLowerCase());
  return known?.anchor ?? createAnchorSlugger()(heading);
}
