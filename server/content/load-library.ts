import "server-only";
import fs from "node:fs";
import path from "node:path";
import { ANNOTATIONS_FOLDER, type AnnotationFile } from "@/lib/content/annotations";
import { buildLibrary, formatProblem, type Library } from "@/lib/content/build-library";
import { noteSizeError } from "@/lib/content/note-size";
import { parseNote } from "@/lib/content/parse-note";
import {
  BUILT_IN_VOCABULARY,
  extendVocabulary,
  ownerWordsFileSchema,
  type OwnerVocabulary,
} from "@/lib/content/responsibility-headings";
import { isScenarioFile, parseScenario, type ParsedScenario } from "@/lib/content/scenarios";
import type { ParsedNote } from "@/lib/content/types";
import { contentRoot } from "@/server/env";

/** The markdown files under the content root, as paths relative to it with `/` separators. */
function listContentFiles(root: string): string[] {
  if (!fs.existsSync(root)) throw new Error(`Content folder not found: ${root} (set CONTENT_DIR)`);
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.mdx?$/i.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

export interface ContentFiles {
  notes: ParsedNote[];
  /** The incident stories under `scenarios/`, which are not notes. */
  scenarios: ParsedScenario[];
  /** The annotation sidecars under `annotations/`. */
  annotations: AnnotationFile[];
  /** The owner words and headings notes are read with: built in, plus the deployment's own. */
  vocabulary: OwnerVocabulary;
}

/** A deployment's own owner words and headings, beside its notes (README "Owner words"). */
export const OWNER_WORDS_FILE = "owner-words.json";

/**
 * The built-in table extended by `owner-words.json` at the content root, when there is one. A file
 * that does not parse or fails the schema stops the build: notes read without the words their
 * author relied on could get no owner, or the wrong one.
 */
function readVocabulary(root: string): OwnerVocabulary {
  const file = path.join(root, OWNER_WORDS_FILE);
  if (!fs.existsSync(file)) return BUILT_IN_VOCABULARY;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${OWNER_WORDS_FILE}: not JSON (${(error as Error).message})`);
  }
  const parsed = ownerWordsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "root"}: ${issue.message}`);
    throw new Error(`${OWNER_WORDS_FILE}: ${issues.join("; ")}`);
  }
  return extendVocabulary(parsed.data);
}

/** Reads and parses everything under the content root: the notes, and the scenarios and annotations apart. */
export function readContent(root = contentRoot()): ContentFiles {
  const vocabulary = readVocabulary(root);
  const content: ContentFiles = { notes: [], scenarios: [], annotations: readAnnotations(root), vocabulary };
  for (const file of listContentFiles(root)) {
    const source = fs.readFileSync(path.join(root, file), "utf8");
    // The limits the author's preview holds a note to (lib/content/note-size.ts): above them the
    // parser alone could take minutes, so the note is left out, with the preview's message.
    const tooLarge = isScenarioFile(file) ? undefined : noteSizeError(source);
    if (tooLarge) {
      content.notes.push(oversizedNote(file, tooLarge));
      continue;
    }
    if (isScenarioFile(file)) content.scenarios.push(parseScenario({ file, source }));
    else content.notes.push(parseNote({ file, source, vocabulary }));
  }
  return content;
}

/** A note over the size limits, unparsed: its file name gives its title, and one error leaves it out. */
function oversizedNote(file: string, message: string): ParsedNote {
  return {
    ...parseNote({ file, source: "" }),
    problems: [{ file, line: 1, severity: "error", message }],
  };
}

export function readNotes(root = contentRoot()): ParsedNote[] {
  return readContent(root).notes;
}

/** The annotation sidecars, `annotations/<Note title>.yaml` (see lib/content/annotations.ts). */
function readAnnotations(root = contentRoot()): AnnotationFile[] {
  const folder = path.join(root, ANNOTATIONS_FOLDER);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/i.test(entry.name))
    .map((entry) => ({
      file: `${ANNOTATIONS_FOLDER}/${entry.name}`,
      source: fs.readFileSync(path.join(folder, entry.name), "utf8"),
    }));
}

let cached: { root: string; library: Library } | undefined;

/**
 * The parsed content library. Notes are read once per process: lessons are generated at build time,
 * and a content change ships with a new build.
 */
export function loadLibrary(): Library {
  const root = contentRoot();
  if (cached?.root !== root) {
    const { notes, ...extras } = readContent(root);
    cached = { root, library: buildLibrary(notes, extras) };
  }
  return cached.library;
}

/**
 * Prints each content error with its file and line, and which notes are left out because of them.
 * The build, the seed and content:sync go on without those notes, so one broken note never takes the
 * site down; `npm run content:check` (and so CI) still fails on it.
 */
export function reportContentErrors(library: Library, log: (line: string) => void = console.error): number {
  const errors = library.problems.filter((p) => p.severity === "error");
  if (errors.length === 0) return 0;
  for (const problem of errors) log(formatProblem(problem));
  const files = [...library.leftOut, ...library.scenariosLeftOut].map((item) => item.file);
  log(`${errors.length} content error(s): left out until fixed: ${files.join(", ") || "none"}`);
  return errors.length;
}
