// npm run db:seed: syncs the notes' quiz items into the database and creates the demo accounts.
import { formatProblem } from "@/lib/content/build-library";
import { loadLibrary } from "@/server/content/load-library";
import { getDb } from "@/server/db/client";
import { syncContent } from "@/server/quiz/sync-content";
import { seedDemo } from "@/server/seed/seed-demo";

async function main() {
  const library = loadLibrary();
  for (const problem of library.problems.filter((p) => p.severity === "error"))
    console.error(formatProblem(problem));
  const db = getDb();
  const report = await syncContent(db, library.notes);
  console.log(
    `db:seed: ${report.notes} notes; items ${report.created} new, ${report.revised} revised, ${report.retired} retired, ${report.unchanged} unchanged`,
  );
  if (process.env.SEED_DEMO !== "false") {
    await seedDemo(db);
    console.log("db:seed: demo accounts ready (learner@, instructor@, admin@example.com)");
  }
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(`db:seed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
