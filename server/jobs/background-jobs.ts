import "server-only";
import { runAuditAddressRetention, runRetention } from "@/server/account/retention";
import type { Db } from "@/server/db/client";
import { sendWeeklyDigests } from "@/server/account/digest";
import { getEnv } from "@/server/env";
import { submitExpiredAttempts } from "@/server/quiz/submit-attempt";
import { drainOutbox } from "@/server/xapi/deliver";

/** Work the server does on a timer, whether or not anyone is using it. */
export interface BackgroundJob {
  name: string;
  everyMs: number;
  run: (db: Db) => Promise<unknown>;
  /** A first run this soon after start-up, for a job whose interval is too long to wait out. */
  firstRunAfterMs?: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The retention job's run, saying what it did: inactive accounts deleted (without
 * RETENTION_INACTIVE_DAYS, none), and audit entries' addresses blanked after AUDIT_ADDRESS_DAYS.
 */
async function runRetentionJob(db: Db) {
  const env = getEnv();
  const outcome = await runRetention(db, env.RETENTION_INACTIVE_DAYS);
  console.log(`retention: ${outcome.message}`);
  const addresses = await runAuditAddressRetention(db, env.AUDIT_ADDRESS_DAYS);
  console.log(`retention: ${addresses.message}`);
}

export const BACKGROUND_JOBS: BackgroundJob[] = [
  // Timed practice tests are submitted at their deadline even when the learner never comes back.
  { name: "expired attempts sweep", everyMs: MINUTE, run: submitExpiredAttempts },
  // Each person gets at most one a week; the hourly run picks up whoever has come due since.
  { name: "weekly digest", everyMs: 60 * MINUTE, run: (db) => sendWeeklyDigests(db) },
  // The xAPI outbox drains to the LRS; without XAPI_ENDPOINT each run returns at once.
  { name: "xAPI delivery", everyMs: 5_000, run: (db) => drainOutbox(db) },
  // Daily, and a minute after start-up too: a server restarted more often than daily (every
  // deploy) would otherwise never get to run it.
  { name: "retention", everyMs: DAY, run: runRetentionJob, firstRunAfterMs: MINUTE },
];

/**
 * Starts every job's timer. A run that fails (the database is down) is logged and retried on the
 * next tick; a run still going when its next tick comes is not started twice.
 */
export function startBackgroundJobs(db: () => Db, jobs = BACKGROUND_JOBS): void {
  for (const job of jobs) {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await job.run(db());
      } catch (error) {
        console.error(`${job.name} failed:`, error);
      } finally {
        running = false;
      }
    };
    setInterval(tick, job.everyMs).unref();
    if (job.firstRunAfterMs !== undefined) setTimeout(tick, job.firstRunAfterMs).unref();
  }
}
