// npm run db:restore <file>: replaces the database DATABASE_URL names with a backup. Stop the app first.
import { restoreDatabase } from "@/server/db/backup";
import { getEnv } from "@/server/env";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run db:restore -- <backup file>");
  process.exit(2);
}
restoreDatabase(getEnv().DATABASE_URL, file)
  .then(() => console.log(`db:restore: restored ${file}`))
  .catch((error: unknown) => {
    console.error(`db:restore: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
