// npm run digest
// Sends the weekly digest email once, now, to everyone due one (server/account/digest.ts); the
// server does the same every hour by itself. Without SMTP_URL it says so and sends nothing.
import { sendWeeklyDigests } from "@/server/account/digest";
import { getDb } from "@/server/db/client";
import { emailEnabled } from "@/server/mail/send-mail";

async function main() {
  if (!emailEnabled()) {
    console.log("Email is not set up (SMTP_URL is unset): no digest sent.");
    return;
  }
  const { sent, failed } = await sendWeeklyDigests(getDb());
  console.log(`Weekly digest: ${sent} sent, ${failed} failed.`);
  if (failed > 0) process.exitCode = 1;
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => getDb().$disconnect());
