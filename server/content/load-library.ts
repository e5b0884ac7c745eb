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

/** Stops a build on content errors, naming every file and line at fault. */
export function assertContentValid(library: Library): void {
  const errors = library.problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    throw new Error(`Content has ${errors.length} error(s):\n${errors.map(formatProblem).join("\n")}`);
  }
}
