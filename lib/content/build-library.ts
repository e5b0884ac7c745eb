import { findContradictions, ownerClaims, unknownScenarioTerms } from "./control-identity";
import { checkMatrixAgreement, type MatrixCellExplanation } from "./matrix-agreement";
import { resolveScenarios, scenarioItems, type ParsedScenario, type Scenario } from "./scenarios";
import { applyAnnotations, type AnnotationFile } from "./annotations";
import { createAnchorSlugger, lessonHref, slugify } from "./slug";
import type { ContentProblem, ParsedNote, WikiLink } from "./types";
import { WIKI_LINK_PATTERN, parseWikiLinkInner } from "./wiki-link";

export interface ResolvedLink {
  /** `/lessons/<slug>#anchor`, or undefined when the note is unwritten. */
  href?: string;
  slug?: string;
}

/** What a library is built from besides the notes. */
export interface LibraryExtras {
  /** Incident stories (scenarios.ts); each one's items join its first note's. */
  scenarios?: ParsedScenario[];
  /** Annotation sidecars (annotations.ts), which qualify a note's lines without editing it. */
  annotations?: AnnotationFile[];
}

export interface Library {
  /** The lessons, in reading order (by title): every note without errors. */
  notes: ParsedNote[];
  bySlug: Map<string, ParsedNote>;
  /** Notes with at least one error, left out of the lessons and quizzes until they are fixed. */
  leftOut: ParsedNote[];
  /** Slugs of the notes that link to each slug. */
  backlinks: Map<string, string[]>;
  /** Lower-case tag -> slugs, tags sorted by name. */
  tags: Map<string, string[]>;
  /**
   * The incident scenarios without errors, by id. Each one's items are on its first note, after the
   * note's own items.
   */
  scenarios: Scenario[];
  /** Scenarios with an error, left out of the lessons and quizzes until they are fixed. */
  scenariosLeftOut: ParsedScenario[];
  /** A renamed lesson's former slug -> its slug now (frontmatter `formerSlugs`). */
  formerSlugs: Map<string, string>;
  problems: ContentProblem[];
  resolve(link: Pick<WikiLink, "target" | "heading">, from?: ParsedNote): ResolvedLink;
}

export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}:${problem.line}: ${problem.severity}: ${problem.message}`;
}

/** The scenarios a lesson shows and its quiz asks: those naming it first. */
export function lessonScenarios(library: Pick<Library, "scenarios">, slug: string): Scenario[] {
  return library.scenarios.filter((scenario) => scenario.notes[0]?.slug === slug);
}

/** Code-point order, so that which of two files comes first never depends on the locale. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `notes/AWS IAM.md` -> `notes/aws iam`: the key a path-style wiki link is matched on. */
const pathKey = (file: string) => file.replace(/\.mdx?$/i, "").toLowerCase();
const folderOf = (file: string) => (file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "");
const stemOf = (file: string) => pathKey(file).split("/").pop() ?? "";

/**
 * Joins parsed notes into a library: slugs, link resolution, backlinks, tags and cross-note
 * problems. A note with an error is left out (its problems are kept), so one broken note never takes
 * the others down; `content:check` still fails on it. Scenarios resolve their notes as wiki links do,
 * and their quiz items join their first note's.
 */
export function buildLibrary(
  notesRead: ParsedNote[],
  { scenarios: parsedScenarios = [], annotations = [] }: LibraryExtras = {},
): Library {
  // Annotations (annotations.ts) qualify a note's lines without editing it; a bad one is an error of
  // its own file and is left out, never the note. A description there settles a line's owner leak.
  const annotated = applyAnnotations(notesRead, annotations);
  const problems: ContentProblem[] = annotated.notes.flatMap((note) => note.problems);
  problems.push(...annotated.problems);
  const parsed = annotated.notes;
  const all = assignSlugs(parsed, problems);
  const broken = new Set(parsed.filter((n) => n.problems.some((p) => p.severity === "error")).map((n) => n.file));
  const byTitle = (a: ParsedNote, b: ParsedNote) =>
    a.title.localeCompare(b.title, "en", { sensitivity: "base" }) || byCodePoint(a.file, b.file);
  const finders = (notes: ParsedNote[], leftOut: ParsedNote[]) => ({
    findNote: noteFinder(notes, new Map(notes.map((note) => [note.slug, note]))),
    findLeftOut: noteFinder(leftOut, new Map(leftOut.map((note) => [note.slug, note]))),
  });

  // Service matrices are checked against the notes without errors of their own. A matrix that
  // disagrees with a service note is an error too, so its note is left out like any other.
  const parsedOut = all.filter((note) => broken.has(note.file));
  const parsedIn = all.filter((note) => note.slug && !broken.has(note.file));
  const first = finders(parsedIn, parsedOut);
  const agreement = checkMatrixAgreement(parsedIn, first.findNote, first.findLeftOut);
  problems.push(...agreement.problems);
  for (const problem of agreement.problems) if (problem.severity === "error") broken.add(problem.file);

  const leftOut = all.filter((note) => broken.has(note.file));
  const sorted = all
    .filter((note) => note.slug && !broken.has(note.file))
    .map((note) => withMatrixDetails(note, agreement.details.get(note.file)))
    .sort(byTitle);
  const sortedFinders = finders(sorted, leftOut);
  const scenarioResult = resolveScenarios(
    parsedScenarios,
    (name) => sortedFinders.findNote(name),
    (name) => sortedFinders.findLeftOut(name),
  );
  problems.push(...scenarioResult.problems);
  // One owner per control per service, across notes and scenarios (control-identity.ts).
  const claims = ownerClaims(sorted, scenarioResult.scenarios);
  problems.push(...findContradictions(claims), ...unknownScenarioTerms(sorted, scenarioResult.scenarios));
  // New note objects, so that the parsed notes passed in are never changed.
  const notes = sorted.map((note) => {
    const own = scenarioResult.scenarios.filter((scenario) => scenario.notes[0].slug === note.slug);
    return own.length > 0 ? { ...note, items: [...note.items, ...own.flatMap(scenarioItems)] } : note;
  });
  const bySlug = new Map(notes.map((note) => [note.slug, note]));
  const { findNote, findLeftOut } = finders(notes, leftOut);
  const resolve = (link: Pick<WikiLink, "target" | "heading">, from?: ParsedNote): ResolvedLink => {
    const note = link.target ? findNote(link.target, from) : from;
    if (!note) return {};
    const anchor = link.heading ? anchorFor(note, link.heading) : undefined;
    return { slug: note.slug, href: lessonHref(note.slug, anchor) };
  };

  const backlinks = new Map<string, string[]>();
  const tags = new Map<string, string[]>();
  // A left-out note's links are checked too, so that fixing one error does not reveal another.
  for (const note of [...notes, ...leftOut]) {
    for (const link of note.links) {
      if (link.embed) continue;
      const target = link.target ? findNote(link.target, note) : note;
      // A matrix column's note: checkMatrixAgreement has said what is wrong with it.
      if (!target && note.matrices.some((matrix) => matrix.line === link.line)) continue;
      if (!target) {
        const broken = findLeftOut(link.target, note);
        const message = broken
          ? `link to "${link.target}", which is left out until the errors in ${broken.file} are fixed`
          : `link to unwritten note "${link.target}"`;
        problems.push({ file: note.file, line: link.line, severity: "warning", message });
        continue;
      }
      if (link.heading && !target.headings.some((h) => h.text.toLowerCase() === link.heading?.toLowerCase())) {
        problems.push({ file: note.file, line: link.line, severity: "warning", message: `"${target.title}" has no heading "${link.heading}"` });
      }
      if (target === note || leftOut.includes(note)) continue;
      const from = backlinks.get(target.slug) ?? [];
      if (!from.includes(note.slug)) from.push(note.slug);
      backlinks.set(target.slug, from);
    }
    if (!leftOut.includes(note)) for (const tag of note.tags) tags.set(tag, [...(tags.get(tag) ?? []), note.slug]);
  }
  checkAnnotationLinks(notes, annotations, findNote, problems);

  return {
    notes,
    bySlug,
    leftOut,
    backlinks,
    formerSlugs: collectFormerSlugs(notes, bySlug, problems),
    tags: new Map([...tags.entries()].sort(([a], [b]) => a.localeCompare(b))),
    scenarios: scenarioResult.scenarios,
    scenariosLeftOut: scenarioResult.leftOut,
    problems,
    resolve,
  };
}

/** A note's matrix items with the explanations and sources of the service notes they agree with. */
function withMatrixDetails(note: ParsedNote, details: Map<string, MatrixCellExplanation> | undefined): ParsedNote {
  if (!details) return note;
  return {
    ...note,
    items: note.items.map((item) => {
      const cell = details.get(item.key);
      return cell === undefined ? item : { ...item, ...cell };
    }),
  };
}

/** A wiki link in an annotation's text must lead somewhere too; reported at the annotation's file. */
function checkAnnotationLinks(
  notes: ParsedNote[],
  files: AnnotationFile[],
  findNote: (target: string, from?: ParsedNote) => ParsedNote | undefined,
  problems: ContentProblem[],
) {
  for (const { file, source } of files) {
    source.split("\n").forEach((line, i) => {
      for (const match of line.matchAll(WIKI_LINK_PATTERN)) {
        const link = parseWikiLinkInner(match[2]);
        if ("error" in link) {
          problems.push({ file, line: i + 1, severity: "error", message: link.error });
        } else if (link.target && !findNote(link.target, notes[0])) {
          problems.push({ file, line: i + 1, severity: "warning", message: `link to unwritten note "${link.target}"` });
        }
      }
    });
  }
}

/**
 * The old address of each renamed lesson. A former slug that is some lesson's slug now, or that two
 * notes claim, is an error: the address must lead to one lesson only.
 */
function collectFormerSlugs(
  notes: ParsedNote[],
  bySlug: Map<string, ParsedNote>,
  problems: ContentProblem[],
): Map<string, string> {
  const formerSlugs = new Map<string, string>();
  for (const note of notes) {
    for (const former of note.formerSlugs) {
      const current = bySlug.get(former);
      const claimed = formerSlugs.get(former);
      if (current && current !== note) {
        problems.push({ file: note.file, line: 1, severity: "error", message: `formerSlugs: "${former}" is the slug of ${current.file}` });
      } else if (claimed && claimed !== note.slug) {
        problems.push({ file: note.file, line: 1, severity: "error", message: `formerSlugs: "${former}" is also claimed by /lessons/${claimed}` });
      } else if (!current) formerSlugs.set(former, note.slug);
    }
  }
  return formerSlugs;
}

/**
 * Notes are files, as in Obsidian and Quartz: two files with one title are two lessons. A note's slug
 * is its title's slug unless another file slugs to the same title. Then the file whose own name
 * slugs to the title keeps it (the first in code-point order of path, if several do), and each of
 * the others takes its file name's slug; if that is taken too, its file name and folder; and as a
 * last resort a `-2`, `-3` suffix. A slug never moves from one file to another because a file was
 * added elsewhere: it only falls back to the file's own name. Broken notes take part, so that a
 * note's breaking never hands its slug to another file.
 */
function assignSlugs(parsed: ParsedNote[], problems: ContentProblem[]): ParsedNote[] {
  const sorted = [...parsed].sort((a, b) => byCodePoint(a.file, b.file));
  const byTitleSlug = new Map<string, ParsedNote[]>();
  for (const note of sorted) {
    if (note.slug) byTitleSlug.set(note.slug, [...(byTitleSlug.get(note.slug) ?? []), note]);
  }
  const taken = new Set(byTitleSlug.keys());
  const slugOf = new Map<ParsedNote, string>();
  const moved: ParsedNote[] = [];
  for (const [slug, group] of byTitleSlug) {
    const keeper = group.length === 1 ? group[0] : group.find((n) => slugify(stemOf(n.file)) === slug);
    for (const note of group) if (note !== keeper) moved.push(note);
    if (keeper) slugOf.set(keeper, slug);
  }
  for (const note of moved) {
    const stem = slugify(stemOf(note.file));
    const folder = folderOf(note.file).split("/").join(" ");
    const candidates = [stem, folder ? slugify(`${stemOf(note.file)} ${folder}`) : ""].filter(Boolean);
    let slug = candidates.find((c) => !taken.has(c));
    const base = candidates.at(-1) ?? "note";
    for (let n = 2; !slug; n++) if (!taken.has(`${base}-${n}`)) slug = `${base}-${n}`;
    taken.add(slug);
    slugOf.set(note, slug);
    const others = (byTitleSlug.get(note.slug) ?? []).filter((n) => n !== note).map((n) => n.file);
    problems.push({
      file: note.file,
      line: 1,
      severity: "warning",
      message: `"${note.title}" is also the title of ${others.join(", ")}: this lesson's address comes from its file name, /lessons/${slug}`,
    });
  }
  return sorted.map((note) => {
    const slug = slugOf.get(note) ?? note.slug;
    return slug === note.slug ? note : { ...note, slug };
  });
}

/**
 * Finds the note a wiki link names, as Obsidian does: by file (a path from the vault root or from the
 * linking note's folder, or a file name, nearest the linking note first), then by alias, then by
 * title, and last by slug.
 */
function noteFinder(notes: ParsedNote[], bySlug: Map<string, ParsedNote>) {
  const byFile = [...notes].sort((a, b) => byCodePoint(a.file, b.file));
  const byPath = new Map(byFile.map((note) => [pathKey(note.file), note]));
  const firstBy = (names: (note: ParsedNote) => string[]) => {
    const map = new Map<string, ParsedNote>();
    for (const note of byFile) for (const name of names(note)) if (!map.has(name.toLowerCase())) map.set(name.toLowerCase(), note);
    return map;
  };
  const byAlias = firstBy((note) => note.aliases);
  const byTitle = firstBy((note) => [note.title]);

  const byFileName = (target: string, from?: ParsedNote): ParsedNote | undefined => {
    const key = target.toLowerCase().replace(/^\.?\//, "");
    if (key.includes("/")) {
      const relative = from ? normalisePath(`${folderOf(pathKey(from.file))}/${key}`) : undefined;
      const exact = byPath.get(normalisePath(key)) ?? (relative ? byPath.get(relative) : undefined);
      if (exact) return exact;
      return nearest(byFile.filter((note) => pathKey(note.file).endsWith(`/${key}`)), from);
    }
    return nearest(byFile.filter((note) => stemOf(note.file) === key), from);
  };

  return (target: string, from?: ParsedNote): ParsedNote | undefined =>
    byFileName(target, from) ??
    byAlias.get(target.toLowerCase()) ??
    byTitle.get(target.toLowerCase()) ??
    bySlug.get(slugify(target));
}

/** Of several files a link could mean: the one in the linking note's folder, else the shortest path. */
function nearest(candidates: ParsedNote[], from?: ParsedNote): ParsedNote | undefined {
  if (candidates.length <= 1) return candidates[0];
  const folder = from ? folderOf(from.file) : undefined;
  return (
    candidates.find((note) => folderOf(note.file) === folder) ??
    [...candidates].sort((a, b) => a.file.split("/").length - b.file.split("/").length || byCodePoint(a.file, b.file))[0]
  );
}

/** Resolves `.` and `..` segments of a lower-case path key; an empty string when it climbs out. */
function normalisePath(key: string): string {
  const out: string[] = [];
  for (const part of key.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length === 0) return "";
      out.pop();
    } else out.push(part);
  }
  return out.join("/");
}

/** The anchor of a heading in a note, matching the heading's id on the lesson page. */
function anchorFor(note: ParsedNote, heading: string): string {
  const known = note.headings.find((h) => h.text.toLowerCase() === heading.toLowerCase());
  return known?.anchor ?? createAnchorSlugger()(heading);
}
