// npm run retention
// Deletes the accounts inactive for longer than RETENTION_INACTIVE_DAYS, as the server's daily job
// does: for a deployment that runs its housekeeping from cron instead. Prints how many it deleted,
// or, without the setting, that it deleted nothing.
import { runRetention } from "@/server/account/retention";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";

async function main() {
  const db = getDb();
  const outcome = await runRetention(db, getEnv().RETENTION_INACTIVE_DAYS);
  console.log(`retention: ${outcome.message}`);
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(`retention: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
