// npm run content:check: validates every note under CONTENT_DIR and prints file:line: message for
// each problem. Exits 1 when any problem is an error; warnings alone pass. The build, the seed and
// content:sync leave a note with errors out and go on; this check is what fails on it (CI, npm test).
// `npm run content:check -- --items [note…]` also prints what the quiz will ask from each note (all,
// or those named by file name, title or slug): every item, its owner and the heading it came from.
// Incident scenarios (CONTENT_DIR/scenarios/*.md) are checked too, and counted, and so are the
// service matrices (note-matrix.ts) and their cells, owned and empty, and the service notes citing
// AWS documentation under Sources (sources.ts), the items citing an AWS page for their owner, the
// owner leaks (owner-leak.ts) and the controls given two owners (control-identity.ts). In curated
// content (a CONTENT_DIR holding `.curated`, as content/ does) leaks and uncited items are errors.
import fs from "node:fs";
import path from "node:path";
import { formatProblem } from "@/lib/content/build-library";
import { formatItemReport, missingEmbeds, selectNotes } from "@/lib/content/item-report";
import { countCells } from "@/lib/content/note-matrix";
import { findContradictions, ownerClaims } from "@/lib/content/control-identity";
import { CURATED_MARKER, countCitations, curatedProblems } from "@/lib/content/curated";
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
const curated = fs.existsSync(path.join(contentRoot(), CURATED_MARKER));
const citations = countCitations(library);
const found = [...library.problems, ...missingEmbeds(library, vaultFiles)];
const problems = (curated ? curatedProblems(found, citations) : found).sort(
  (a, b) => a.file.localeCompare(b.file) || a.line - b.line,
);
for (const problem of problems) {
  (problem.severity === "error" ? console.error : console.warn)(formatProblem(problem));
}
const errors = problems.filter((p) => p.severity === "error").length;
const leftOut = [...library.leftOut, ...library.scenariosLeftOut];
if (leftOut.length > 0) {
  const files = leftOut.map((item) => item.file).join(", ");
  console.error(`content:check: left out of the lessons and quizzes until fixed: ${files}`);
}
const scenarios = library.scenarios.length + library.scenariosLeftOut.length;
console.log(
  `content:check: scenarios: ${scenarios}` +
    (library.scenariosLeftOut.length > 0
      ? ` (${library.scenariosLeftOut.length} with errors)`
      : ""),
);
const serviceNotes = library.notes.filter((note) => note.tags.includes("service"));
const cited = serviceNotes.filter((note) => note.sources.length > 0);
console.log(
  `content:check: ${serviceNotes.length} service notes, ${cited.length} of them citing AWS documentation ` +
    `under Sources (${cited.reduce((sum, note) => sum + note.sources.length, 0)} links)`,
);
const items = library.notes.reduce((sum, note) => sum + note.items.length, 0);
const percent =
  citations.items === 0 ? 100 : Math.floor((citations.cited / citations.items) * 1000) / 10;
console.log(
  `content:check: ${citations.cited} of ${citations.items} quiz items cite an AWS page for their owner (${percent}%)` +
    (curated ? "" : "; curated content needs all of them"),
);
const leaks = found.filter((p) => p.strict === "owner-leak").length;
const contradictions = findContradictions(ownerClaims(library.notes, library.scenarios)).length;
console.log(
  `content:check: ${leaks} owner leak(s) before grading, ${contradictions} control(s) given two owners` +
    (curated ? " (curated content: leaks and uncited items are errors)" : ""),
);
const matrices = library.notes.flatMap((note) => note.matrices);
const { cells, filled } = countCells(matrices);
console.log(
  `content:check: ${matrices.length} service ${matrices.length === 1 ? "matrix" : "matrices"}, ` +
    `${cells} cells, ${filled} of them owned (quiz items), ${cells - filled} empty`,
);
console.log(
  `content:check: ${library.notes.length} notes, ${items} quiz items, ${errors} error(s), ${problems.length - errors} warning(s)`,
);
process.exit(errors > 0 ? 1 : 0);
