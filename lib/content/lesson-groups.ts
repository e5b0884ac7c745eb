import type { Library } from "./build-library";
import type { ParsedNote } from "./types";

/**
 * The groups of /lessons, in the order a learner meets them. A note's group is its frontmatter
 * `group` when the author sets one; otherwise the first of these whose tag the note carries, so the
 * shipped notes need no new field: `#ServiceModel` notes are "Service models" even though they are
 * also `#Concept`, and the rest of `#Concept` is the foundation everything else builds on.
 */
export const DERIVED_GROUPS = [
  { tag: "servicemodel", name: "Service models" },
  { tag: "concept", name: "Foundations" },
  { tag: "service", name: "AWS services" },
] as const;

export const FALLBACK_GROUP = "More lessons";

/** The largest share of the lessons a tag may carry and still be offered as a filter. */
export const FILTER_SHARE = 0.75;

export function lessonGroupOf(note: Pick<ParsedNote, "group" | "tags">): string {
  if (note.group) return note.group;
  return DERIVED_GROUPS.find((g) => note.tags.includes(g.tag))?.name ?? FALLBACK_GROUP;
}

export interface LessonGroup<N> {
  name: string;
  notes: N[];
}

/**
 * Each note once, under its group. Groups come in the order of DERIVED_GROUPS (Foundations first),
 * then author-named groups alphabetically, then "More lessons"; notes keep the order given.
 */
export function groupLessons<N extends Pick<ParsedNote, "group" | "tags">>(
  notes: N[],
): Array<LessonGroup<N>> {
  const byName = new Map<string, N[]>();
  for (const note of notes) {
    const name = lessonGroupOf(note);
    byName.set(name, [...(byName.get(name) ?? []), note]);
  }
  const rank = (name: string) => {
    if (name === "Foundations") return 0;
    const derived = DERIVED_GROUPS.findIndex((g) => g.name === name);
    if (derived >= 0) return derived + 1;
    return name === FALLBACK_GROUP ? 99 : 50;
  };
  return [...byName.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, "en"))
    .map(([name, grouped]) => ({ name, notes: grouped }));
}

export interface CatalogEntry {
  slug: string;
  title: string;
  summary: string;
  quizItems: number;
  group?: string;
  tags: string[];
}

/** What /lessons and /tags/<tag> list: every lesson, and every tag with its number of lessons. */
export function catalogOf(library: Pick<Library, "notes" | "tags">): {
  lessons: CatalogEntry[];
  tags: Array<{ tag: string; count: number }>;
} {
  return {
    lessons: library.notes.map((note) => ({
      slug: note.slug,
      title: note.title,
      summary: note.summary,
      quizItems: note.items.length,
      group: note.group,
      tags: note.tags,
    })),
    // A tag on nearly every lesson (#aws) narrows nothing, so it is no filter; its page stays.
    tags: [...library.tags.entries()]
      .filter(([, slugs]) => slugs.length <= library.notes.length * FILTER_SHARE)
      .map(([tag, slugs]) => ({ tag, count: slugs.length })),
  };
}
