// npm run retention
// Deletes the accounts inactive for longer than RETENTION_INACTIVE_DAYS and blanks the addresses of
// audit entries older than AUDIT_ADDRESS_DAYS (default 90), as the server's daily job does: for a
// deployment that runs its housekeeping from cron instead. Prints how many it deleted (or, without
// the setting, that it deleted nothing) and how many addresses it blanked.
import { runAuditAddressRetention, runRetention } from "@/server/account/retention";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";

async function main() {
  const db = getDb();
  const env = getEnv();
  const outcome = await runRetention(db, env.RETENTION_INACTIVE_DAYS);
  console.log(`retention: ${outcome.message}`);
  const addresses = await runAuditAddressRetention(db, env.AUDIT_ADDRESS_DAYS);
  console.log(`retention: ${addresses.message}`);
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(`retention: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
