// npm run db:migrate: applies pending migrations to the database DATABASE_URL names.
import { getEnv } from "@/server/env";
import { MigrationError, migrate } from "@/server/db/migrate";

const url = getEnv().DATABASE_URL;
migrate(url)
  .then(({ applied, alreadyApplied }) => {
    const where = url.startsWith("file:") ? url : url.replace(/\/\/[^@/]*@/, "//***@");
    if (applied.length === 0)
      console.log(
        `db:migrate: ${where} is up to date (${alreadyApplied} migration(s) applied before).`,
      );
    for (const name of applied) console.log(`db:migrate: applied ${name}`);
  })
  .catch((error: unknown) => {
    console.error(`db:migrate: ${error instanceof MigrationError ? error.message : String(error)}`);
    process.exit(1);
  });
