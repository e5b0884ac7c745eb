import "server-only";
import fs from "node:fs";
import path from "node:path";
import { buildLibrary, formatProblem, type Library } from "@/lib/content/build-library";
import { parseNote } from "@/lib/content/parse-note";
import type { ParsedNote } from "@/lib/content/types";
import { contentRoot } from "@/server/env";

function listNoteFiles(root: string): string[] {
  if (!fs.existsSync(root)) throw new Error(`Content folder not found: ${root} (set CONTENT_DIR)`);
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.mdx?$/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

export function readNotes(root = contentRoot()): ParsedNote[] {
  return listNoteFiles(root).map((file) =>
    parseNote({ file: path.relative(root, file).split(path.sep).join("/"), source: fs.readFileSync(file, "utf8") }),
  );
}

let cached: { root: string; library: Library } | undefined;

/**
 * The parsed content library. Notes are read once per process: lessons are generated at build time,
 * and a content change ships with a new build.
 */
export function loadLibrary(): Library {
  const root = contentRoot();
  if (cached?.root !== root) cached = { root, library: buildLibrary(readNotes(root)) };
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
  const files = library.leftOut.map((note) => note.file);
  log(`${errors.length} content error(s): left out until fixed: ${files.join(", ") || "none"}`);
  return errors.length;
}
