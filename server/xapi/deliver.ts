import "server-only";
import XAPI, { type Statement } from "@xapi/xapi";
import type { Db } from "@/server/db/client";
import { xapiConfig, type XapiConfig } from "./config";
import { transaction } from "@/server/db/transaction";

/** Statements sent in one request. */
export const BATCH_SIZE = 50;
/** The first retry waits this long; each later one twice as long as the one before, up to the cap. */
export const FIRST_RETRY_MS = 2_000;
export const MAX_RETRY_MS = 10 * 60_000;
/**
 * A claimed batch is not due again until this long after the claim: long enough for the request to
 * finish, short enough that a batch claimed by an instance that died mid-send is soon retried.
 */
export const CLAIM_MS = 60_000;
/**
 * A statement the LRS refused as malformed (400) is never retried: it keeps sentAt null, its
 * lastError says why, and its next attempt is put out of reach. The schema has no failedAt column;
 * this date stands for one, and the README's backlog query separates the two.
 */
export const REJECTED_UNTIL = new Date("9999-12-31T00:00:00.000Z");
export const REJECTED_PREFIX = "Rejected by the LRS";

export interface DeliveryReport {
  sent: number;
  retrying: number;
  rejected: number;
}

/** When a statement that has failed `tries` times (this one included) is tried again. */
export function nextAttemptAfter(tries: number, now: Date): Date {
  const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, tries - 1));
  return new Date(now.getTime() + delay);
}

/** The HTTP status of a failed request (axios puts it on `response`); undefined for a network error. */
function statusOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null || !("response" in error)) return undefined;
  const response = (error as { response?: { status?: unknown } }).response;
  return typeof response?.status === "number" ? response.status : undefined;
}

function describe(error: unknown): string {
  const status = statusOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return (status ? `HTTP ${status}: ${message}` : message).slice(0, 500);
}

/**
 * Sends the due statements of the outbox to the LRS, one batch per call. At least once, with
 * duplicates harmless: a batch is first claimed (its next attempt moved CLAIM_MS ahead, only where it
 * is still due), so two instances never send the same batch at once; an instance that dies between
 * the send and marking the rows sent leaves them to be sent again, and the LRS recognises a
 * statement id it already has (xAPI ids are the idempotency key).
 *
 * - Accepted: sentAt is set.
 * - Network error, 5xx, 429, 401/403 (the LRS or its settings will come back): tries + 1, lastError,
 *   and the next attempt after an exponential backoff capped at MAX_RETRY_MS.
 * - 400 or 409 for a batch of several: each is sent alone, so one bad statement does not hold up the
 *   rest. Alone, 409 means the LRS already has that id with other content: it is delivered as far as
 *   we can tell (ours is the same statement, made once). Alone, 400 means it is malformed: rejected.
 */
export async function deliverStatements(
  db: Db,
  config: XapiConfig | null = xapiConfig(),
  now = new Date(),
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, rejected: 0 };
  if (!config) return report;
  const batch = await claimBatch(db, now);
  if (batch.length === 0) return report;

  const xapi = new XAPI({
    endpoint: config.endpoint,
    auth: XAPI.toBasicAuth(config.username, config.password),
  });
  const send = (rows: ClaimedRow[]) =>
    xapi.sendStatements({ statements: rows.map((row) => JSON.parse(row.body) as Statement) });

  try {
    await send(batch);
    await markSent(db, batch, now, report);
    return report;
  } catch (error) {
    const status = statusOf(error);
    if (!(status === 400 || status === 409) || batch.length === 1) {
      await settleFailure(db, batch, error, now, report);
      return report;
    }
  }
  for (const row of batch) {
    try {
      await send([row]);
      await markSent(db, [row], now, report);
    } catch (error) {
      await settleFailure(db, [row], error, now, report);
    }
  }
  return report;
}

/** Batches sent in one run at most, so that a long backlog drains without holding the job forever. */
export const MAX_BATCHES_PER_RUN = 20;

/**
 * The background job: batch after batch while full batches go through, so that a backlog left by
 * an outage drains in seconds rather than one batch per tick; it stops at the first failure.
 */
export async function drainOutbox(
  db: Db,
  config: XapiConfig | null = xapiConfig(),
  now = () => new Date(),
): Promise<DeliveryReport> {
  const total: DeliveryReport = { sent: 0, retrying: 0, rejected: 0 };
  for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
    const report = await deliverStatements(db, config, now());
    total.sent += report.sent;
    total.retrying += report.retrying;
    total.rejected += report.rejected;
    if (report.retrying > 0 || report.sent + report.rejected < BATCH_SIZE) break;
  }
  return total;
}

interface ClaimedRow {
  id: string;
  body: string;
  tries: number;
}

/**
 * The oldest due statements, each claimed with an update that holds only while it is still due: of
 * two instances claiming at once, each row goes to exactly one.
 */
async function claimBatch(db: Db, now: Date): Promise<ClaimedRow[]> {
  const due = await db.xapiStatement.findMany({
    where: { sentAt: null, nextAttemptAt: { lte: now } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: BATCH_SIZE,
    select: { id: true, body: true, tries: true },
  });
  if (due.length === 0) return [];
  const claimedUntil = new Date(now.getTime() + CLAIM_MS);
  return transaction(db, async (tx) => {
    const claimed: ClaimedRow[] = [];
    for (const row of due) {
      const { count } = await tx.xapiStatement.updateMany({
        where: { id: row.id, sentAt: null, nextAttemptAt: { lte: now } },
        data: { nextAttemptAt: claimedUntil },
      });
      if (count === 1) claimed.push(row);
    }
    return claimed;
  });
}

async function markSent(db: Db, rows: ClaimedRow[], now: Date, report: DeliveryReport) {
  await db.xapiStatement.updateMany({
    where: { id: { in: rows.map((row) => row.id) } },
    data: { sentAt: now, lastError: null, tries: { increment: 1 } },
  });
  report.sent += rows.length;
}

async function settleFailure(
  db: Db,
  rows: ClaimedRow[],
  error: unknown,
  now: Date,
  report: DeliveryReport,
) {
  const status = statusOf(error);
  if (rows.length === 1 && status === 409) return markSent(db, rows, now, report);
  const rejected = rows.length === 1 && status === 400;
  await db.$transaction(
    rows.map((row) =>
      db.xapiStatement.update({
        where: { id: row.id },
        data: {
          tries: row.tries + 1,
          lastError: rejected ? `${REJECTED_PREFIX}: ${describe(error)}` : describe(error),
          nextAttemptAt: rejected ? REJECTED_UNTIL : nextAttemptAfter(row.tries + 1, now),
        },
      }),
    ),
  );
  if (rejected) report.rejected += 1;
  else report.retrying += rows.length;
}
