// npm run db:backup [file]: a consistent online copy of the database DATABASE_URL names.
import { backupDatabase } from "@/server/db/backup";
import { databaseKind, getEnv } from "@/server/env";

const url = getEnv().DATABASE_URL;
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const file =
  process.argv[2] ?? `backups/academy-${stamp}.${databaseKind(url) === "sqlite" ? "db" : "dump"}`;
backupDatabase(url, file)
  .then(() => console.log(`db:backup: wrote ${file}`))
  .catch((error: unknown) => {
    console.error(`db:backup: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
