import type { Library } from "./build-library";
import { slugify } from "./slug";
import type { ContentProblem, ParsedNote } from "./types";

/**
 * The notes an author named on the command line, by file name, title or slug; every note when none
 * is named. Names that match no note come back so the script can say so.
 */
export function selectNotes(
  notes: ParsedNote[],
  names: string[],
): { notes: ParsedNote[]; unknown: string[] } {
  if (names.length === 0) return { notes, unknown: [] };
  const matches = (note: ParsedNote, name: string) => {
    const base = note.file.split("/").pop() ?? note.file;
    const lower = name.toLowerCase();
    return (
      note.file.toLowerCase() === lower ||
      base.toLowerCase() === lower ||
      base.replace(/\.mdx?$/i, "").toLowerCase() === lower ||
      note.title.toLowerCase() === lower ||
      note.slug === slugify(name)
    );
  };
  return {
    notes: notes.filter((note) => names.some((name) => matches(note, name))),
    unknown: names.filter((name) => !notes.some((note) => matches(note, name))),
  };
}

/** What the quiz will ask from each note: every item, its owner, and where the owner came from. */
export function formatItemReport(notes: ParsedNote[]): string {
  const out: string[] = [];
  for (const note of notes) {
    // A note's own items first; scenarios that ask their questions in its quiz are counted apart.
    const fromScenarios = note.items.filter((item) => item.kind === "SCENARIO");
    const scenarios = new Set(fromScenarios.map((item) => item.anchor)).size;
    out.push(
      `${note.file} (${note.slug}): ${note.items.length - fromScenarios.length} quiz item(s)` +
        (scenarios > 0 ? `, and ${fromScenarios.length} from ${scenarios} scenario(s)` : ""),
    );
    for (const item of note.items) {
      if (item.spec?.kind === "SCENARIO") {
        // A scenario's item lives in its own file: point there, not at the note.
        const where = `${item.source?.heading ?? item.spec.scenario}:${item.line}`;
        out.push(`  ${item.owner.padEnd(8)} ${item.prompt} (${item.spec.title})  ← ${where}, scenario`);
        continue;
      }
      const from = item.source
        ? `from "${item.source.heading}" (line ${item.source.line}, ${item.source.rule})`
        : `${item.kind === "MATRIX" ? "service layer" : "section"} "${item.anchor}"`;
      out.push(`  ${item.owner.padEnd(8)} ${item.prompt}  ← ${note.file}:${item.line}, ${from}`);
    }
  }
  return out.join("\n");
}

const NOTE_TARGET = /^[^.]*$|\.mdx?$/i;

/**
 * Embeds (`![[X]]`) that resolve to nothing: a note embed names no note, and an attachment embed
 * names no file in the vault (`files` holds every file name there, as Obsidian finds attachments
 * by name anywhere in the vault).
 */
export function missingEmbeds(library: Library, files: Set<string>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const note of library.notes) {
    for (const link of note.links) {
      if (!link.embed || !link.target) continue;
      const name = link.target.split("/").pop()?.toLowerCase() ?? "";
      const found = NOTE_TARGET.test(link.target)
        ? library.resolve(link, note).href !== undefined
        : files.has(name);
      if (!found) {
        problems.push({
          file: note.file,
          line: link.line,
          severity: "warning",
          message: `embed ![[${link.target}]] resolves to nothing: no note or file of that name`,
        });
      }
    }
  }
  return problems;
}
