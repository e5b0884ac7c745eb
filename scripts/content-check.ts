// npm run content:check: validates every note under CONTENT_DIR and prints file:line: message for
// each problem. Exits 1 when any problem is an error; warnings alone pass. The build, the seed and
// content:sync leave a note with errors out and go on; this check is what fails on it (CI, npm test).
// `npm run content:check -- --items [note…]` also prints what the quiz will ask from each note (all,
// or those named by file name, title or slug): every item, its owner and the heading it came from.
import fs from "node:fs";
import { formatProblem } from "@/lib/content/build-library";
import { formatItemReport, missingEmbeds, selectNotes } from "@/lib/content/item-report";
import { loadLibrary } from "@/server/content/load-library";
import { contentRoot } from "@/server/env";

const library = loadLibrary();
const vaultFiles = new Set(
  fs
    .readdirSync(contentRoot(), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name.toLowerCase()),
);
const args = process.argv.slice(2);
if (args.includes("--items")) {
  const selected = selectNotes(
    library.notes,
    args.filter((arg) => arg !== "--items"),
  );
  for (const name of selected.unknown) console.error(`content:check: no note named "${name}"`);
  console.log(formatItemReport(selected.notes));
}
const problems = [...library.problems, ...missingEmbeds(library, vaultFiles)].sort(
  (a, b) => a.file.localeCompare(b.file) || a.line - b.line,
);
for (const problem of problems) {
  (problem.severity === "error" ? console.error : console.warn)(formatProblem(problem));
}
const errors = problems.filter((p) => p.severity === "error").length;
if (library.leftOut.length > 0) {
  const files = library.leftOut.map((note) => note.file).join(", ");
  console.error(`content:check: left out of the lessons and quizzes until fixed: ${files}`);
}
const items = library.notes.reduce((sum, note) => sum + note.items.length, 0);
console.log(
  `content:check: ${library.notes.length} notes, ${items} quiz items, ${errors} error(s), ${problems.length - errors} warning(s)`,
);
process.exit(errors > 0 ? 1 : 0);
