import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/sqlite/client";
import type { StatementSource, XapiStatement } from "@/lib/xapi/statements";
import { insertRows } from "@/server/db/bulk-insert";
import type { XapiConfig } from "./config";

type Tx = Prisma.TransactionClient;

/** A statement to build, given the id it will keep through every retry. */
export type StatementDraft = (source: StatementSource, id: string) => XapiStatement;

/**
 * Queues statements in the outbox, in the caller's transaction: they exist exactly when the event
 * they describe was recorded, and server/xapi/deliver.ts sends them whenever the LRS is reachable.
 * Each gets its UUID now, so a retry after a lost answer is the same statement, not a second one.
 * Nothing is queued when xAPI is off (config null).
 */
export async function enqueueStatements(
  tx: Tx,
  config: XapiConfig | null,
  userId: string,
  drafts: StatementDraft[],
  now: Date,
): Promise<void> {
  if (!config || drafts.length === 0) return;
  const source = { homePage: config.homePage, userId };
  const rows = drafts.map((draft) => {
    const statement = draft(source, randomUUID());
    return [statement.id, JSON.stringify(statement), now, 0, now];
  });
  await insertRows(
    tx,
    "XapiStatement",
    ["id", "body", "createdAt", "tries", "nextAttemptAt"],
    rows,
  );
}
