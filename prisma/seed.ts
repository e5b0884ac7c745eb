// npm run db:seed: syncs the notes' quiz items into the database, and on a local server creates the
// demo accounts, with the Demo Team's learners and their history (server/seed/demo-learners.ts).
// On a server other machines can reach (NEXTAUTH_URL naming another host) no account with the
// README's published password may exist: the seed refuses to go on while one does.
//   npm run db:seed -- --remove-demo   deletes the demo accounts, with their progress
import { resolveDeployment } from "@/lib/deployment";
import { loadLibrary, reportContentErrors } from "@/server/content/load-library";
import { getDb } from "@/server/db/client";
import { syncContent } from "@/server/quiz/sync-content";
import { findDemoAccounts, removeDemoAccounts, seedDemo } from "@/server/seed/seed-demo";

async function main() {
  const db = getDb();
  if (process.argv.includes("--remove-demo")) {
    console.log(`db:seed: removed ${await removeDemoAccounts(db)} demo accounts`);
    await db.$disconnect();
    return;
  }
  const deployment = resolveDeployment(process.env);
  const library = loadLibrary();
  // A note with errors is named and left out; the other notes' items are synced.
  reportContentErrors(library);
  const report = await syncContent(db, library.notes);
  console.log(
    `db:seed: ${report.notes} notes; items ${report.created} new, ${report.revised} revised, ${report.retired} retired, ${report.unchanged} unchanged`,
  );
  if (deployment.local) {
    if (process.env.SEED_DEMO !== "false") {
      await seedDemo(db);
      console.log(
        "db:seed: demo accounts ready (learner@, instructor@, admin@example.com), and the Demo " +
          "Team's learners with four weeks of history",
      );
    }
  } else {
    const demos = await findDemoAccounts(db);
    if (demos.length > 0) {
      throw new Error(
        `this server is open to the network (NEXTAUTH_URL=${deployment.url}), and the demo ` +
          `accounts ${demos.join(", ")} exist with the password published in the README. ` +
          "Remove them with `npm run db:seed -- --remove-demo`, then start again.",
      );
    }
    if ((await db.user.count({ where: { role: "ADMIN" } })) === 0) {
      console.log(
        "db:seed: no admin account yet. Create the first one with " +
          "`npm run admin:create -- --email you@your.org` (it asks for the password).",
      );
    }
  }
  await db.$disconnect();
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`db:seed: ${message}`);
  process.exit(1);
});
