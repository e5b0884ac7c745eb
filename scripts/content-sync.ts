// npm run content:sync: brings quiz items in the database in line with the notes in CONTENT_DIR.
// A note with errors is named and left out, as by the seed; `npm run content:check` fails on it.
import { loadLibrary, reportContentErrors } from "@/server/content/load-library";
import { getDb } from "@/server/db/client";
import { syncContent } from "@/server/quiz/sync-content";

async function main() {
  const library = loadLibrary();
  // A note with errors is left out (its items are not synced); the others still are.
  reportContentErrors(library);
  const db = getDb();
  const report = await syncContent(db, library.notes);
  console.log(
    `content:sync: ${report.notes} notes; items ${report.created} new, ${report.revised} revised, ${report.retired} retired, ${report.unchanged} unchanged`,
  );
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(`content:sync: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
