// npm run content:check: validates every note under CONTENT_DIR and prints file:line: message for
// each problem. Exits 1 when any problem is an error; warnings alone pass. The build, the seed and
// content:sync leave a note with errors out and go on; this check is what fails on it (CI, npm test).
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
if (library.leftOut.length > 0) {
  const files = library.leftOut.map((note) => note.file).join(", ");
  console.error(`content:check: left out of the lessons and quizzes until fixed: ${files}`);
}
const items = library.notes.reduce((sum, note) => sum + note.items.length, 0);
console.log(
  `content:check: ${library.notes.length} notes, ${items} quiz items, ${errors} error(s), ${problems.length - errors} warning(s)`,
);
process.exit(errors > 0 ? 1 : 0);
