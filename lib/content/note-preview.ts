import { ANNOTATIONS_FOLDER, type AnnotationFile } from "./annotations";
import { buildLibrary, type ResolvedLink } from "./build-library";
import { missingEmbeds } from "./item-report";
import { parseNote, type NoteSource } from "./parse-note";
import type { ParsedScenario } from "./scenarios";
import type { ContentProblem, ParsedNote } from "./types";
import type { WikiLinkParts } from "./wiki-link";
import type { NotePreviewReport } from "@/lib/contracts/authoring";
import { itemLabel, kindName } from "@/lib/teams/item-analysis";

/** What a preview is read beside: the shipped content, parsed (server/content/load-library.ts). */
export interface PreviewContent {
  notes: ParsedNote[];
  scenarios?: ParsedScenario[];
  annotations?: AnnotationFile[];
  /** The owner words the shipped notes were read with, to read the preview with too. */
  vocabulary?: NoteSource["vocabulary"];
}

export interface NotePreviewBuild {
  report: NotePreviewReport;
  /** The note as the build would hold it (its slug assigned, annotations applied), to compile. */
  note: ParsedNote;
  /**
   * Where its wiki links lead: a shipped lesson, or nowhere (an unwritten note, shown as text). A
   * link to the note itself stays on the preview page, as a fragment.
   */
  resolve(link: WikiLinkParts): ResolvedLink;
}

const stemOf = (file: string) =>
  (file.split("/").pop() ?? file).replace(/\.mdx?$/i, "").toLowerCase();
const folderOf = (file: string) =>
  file.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : "";

/**
 * What the content build would make of one more note, `file` holding `source`, beside `content`:
 * its title and slug, its quiz items with the heading and rule each owner came from, and every
 * problem the build and content:check would report about it, including those that only the other
 * notes reveal (a link to an unwritten note, a title taken twice, a control given another owner
 * elsewhere). A note with the file name of a shipped one stands in for it, as an edit would, so
 * that it is not checked against its own old self. Pure: `content` is never changed.
 */
export function buildNotePreview(
  { file, source }: { file: string; source: string },
  content: PreviewContent,
): NotePreviewBuild {
  // Only `.md`: an `.mdx` note may hold JSX, which runs as code (lib/validation/authoring.ts).
  if (!/\.md$/i.test(file)) throw new Error(`a preview is a .md note, not ${file}`);
  const replaced = content.notes.find((note) => stemOf(note.file) === stemOf(file));
  const path = replaced ? `${folderOf(replaced.file)}${file}` : file;
  const parsed = parseNote({ file: path, source, vocabulary: content.vocabulary });
  const others = content.notes.filter((note) => note !== replaced);
  const library = buildLibrary([...others, parsed], {
    scenarios: content.scenarios,
    annotations: content.annotations,
  });
  const included = library.notes.find((n) => n.file === path);
  const note = included ?? library.leftOut.find((n) => n.file === path) ?? parsed;

  const vaultFiles = new Set(
    [...others, parsed].map((n) => (n.file.split("/").pop() ?? "").toLowerCase()),
  );
  const annotationFile = `${ANNOTATIONS_FOLDER}/${note.title}.yaml`.toLowerCase();
  const concerns = (problem: ContentProblem) =>
    problem.file === path ||
    // A control given two owners is reported at the later of the two places, naming the other.
    problem.message.includes(`${path}:`) ||
    problem.file.replace(/\.yml$/i, ".yaml").toLowerCase() === annotationFile;
  const problems = [...library.problems, ...missingEmbeds(library, vaultFiles)]
    .filter(concerns)
    .sort(
      (a, b) =>
        a.line - b.line || (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1),
    );

  const resolve = (link: WikiLinkParts): ResolvedLink => {
    const resolved = library.resolve(link, note);
    if (resolved.slug !== note.slug || !resolved.href) return resolved;
    return { slug: resolved.slug, href: resolved.href.replace(/^[^#]*/, "") || "#" };
  };

  return {
    note,
    resolve,
    report: {
      file: path,
      title: note.title,
      slug: note.slug,
      replaces: replaced?.file ?? null,
      leftOut: !included,
      items: note.items.map((item) => ({
        prompt: item.prompt,
        label: itemLabel(item.prompt, item.spec ?? null),
        owner: item.owner,
        kind: kindName(item.kind),
        line: item.line,
        serviceModel: item.serviceModel ?? null,
        source: item.source ?? null,
      })),
      problems: problems.map((problem) => ({
        file: problem.file,
        line: problem.line,
        severity: problem.severity,
        message: problem.message,
        strictInCurated: problem.strict !== undefined,
      })),
    },
  };
}
