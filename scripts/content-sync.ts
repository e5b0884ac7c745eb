// npm run content:sync: brings quiz items in the database in line with the notes in CONTENT_DIR.
import { assertContentValid, loadLibrary } from "@/server/content/load-library";
import { getDb } from "@/server/db/client";
import { syncContent } from "@/server/quiz/sync-content";

async function main() {
  const library = loadLibrary();
  assertContentValid(library);
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
