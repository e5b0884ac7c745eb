// npm run content:check: validates every note under CONTENT_DIR and prints file:line: message for
// each problem. Exits 1 when any problem is an error; warnings alone pass.
import { formatProblem } from "@/lib/content/build-library";
import { loadLibrary } from "@/server/content/load-library";

const library = loadLibrary();
const problems = [...library.problems].sort(
  (a, b) => a.file.localeCompare(b.file) || a.line - b.line,
);
for (const problem of problems) {
  (problem.severity === "error" ? console.error : console.warn)(formatProblem(problem));
}
const errors = problems.filter((p) => p.severity === "error").length;
const items = library.notes.reduce((sum, note) => sum + note.items.length, 0);
console.log(
  `content:check: ${library.notes.length} notes, ${items} quiz items, ${errors} error(s), ${problems.length - errors} warning(s)`,
);
process.exit(errors > 0 ? 1 : 0);
