import "server-only";
import { parseItemSpec } from "@/lib/content/item-spec";
import type { Heading } from "@/lib/content/types";
import type { SectionScore } from "@/lib/contracts/quiz";
import { loadLibrary } from "@/server/content/load-library";

/** A graded answer with where its item comes from. */
export interface PlacedAnswer {
  itemId: string;
  correct: boolean;
  noteSlug: string;
  noteTitle: string;
  anchor: string;
  serviceModel: string | null;
  /** The item version's spec (JSON): a scenario part counts under its incident, a matrix cell under its matrix. */
  spec: string | null;
}

/** The title a grouped item is scored under, as its group is shown: the incident's or the matrix's. */
function groupTitle(spec: string | null): string | undefined {
  const parsed = parseItemSpec(spec);
  if (parsed?.kind === "SCENARIO" || parsed?.kind === "MATRIX") return parsed.title;
  return undefined;
}

/** "shared-controls" -> "Shared controls": for a section the note no longer has. */
function titleFromAnchor(anchor: string): string {
  const words = anchor.replace(/-/g, " ").trim();
  return words ? words[0].toUpperCase() + words.slice(1) : "Other";
}

/**
 * The score by section: a service-model layer counts under its model ("IaaS (EC2)"), every other
 * item under its lesson section's heading. Sections come in the lesson's order, notes by title.
 * `headingsOf` gives a note's headings (from the content library), or nothing if it is gone.
 */
export function scoreBySection(
  answers: PlacedAnswer[],
  headingsOf: (noteSlug: string) => Heading[] | undefined,
): SectionScore[] {
  const sections = new Map<string, SectionScore & { order: [string, number, string] }>();
  for (const answer of answers) {
    const headings = headingsOf(answer.noteSlug) ?? [];
    const index = headings.findIndex((h) => h.anchor === answer.anchor);
    const title =
      answer.serviceModel ??
      groupTitle(answer.spec) ??
      (index >= 0 ? headings[index].text : titleFromAnchor(answer.anchor));
    const key = `${answer.noteSlug}\u0000${title}`;
    const section = sections.get(key) ?? {
      title,
      noteTitle: answer.noteTitle,
      correct: 0,
      total: 0,
      itemIds: [],
      order: [answer.noteTitle, index < 0 ? Number.MAX_SAFE_INTEGER : index, title],
    };
    section.total += 1;
    if (answer.correct) section.correct += 1;
    section.itemIds.push(answer.itemId);
    sections.set(key, section);
  }
  const compare = (a: [string, number, string], b: [string, number, string]) =>
    a[0].localeCompare(b[0]) || a[1] - b[1] || a[2].localeCompare(b[2]);
  return [...sections.values()]
    .sort((a, b) => compare(a.order, b.order))
    .map(({ title, noteTitle, correct, total, itemIds }) => ({
      title,
      noteTitle,
      correct,
      total,
      itemIds,
    }));
}

/** The score by section, with headings from the content library this server was built with. */
export function scoreBySectionInLibrary(answers: PlacedAnswer[]): SectionScore[] {
  let library: ReturnType<typeof loadLibrary> | null = null;
  try {
    library = loadLibrary();
  } catch {
    // No content folder here: sections are named from their anchors.
  }
  return scoreBySection(answers, (slug) => library?.bySlug.get(slug)?.headings);
}
