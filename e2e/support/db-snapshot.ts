import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import pg from "pg";

export const TABLES = [
  "User",
  "Note",
  "Item",
  "ItemVersion",
  "Attempt",
  "Answer",
  "ReviewCard",
  "NoteProgress",
  "MasteryEvent",
  "Team",
  "TeamMembership",
  "TeamItemStat",
  "Assignment",
  "AssignmentNote",
  "AssignmentExtension",
  "AssignmentCompletion",
  "ItemReport",
  "SsoAccount",
  "BlockedIdentity",
  "EmailToken",
  "AuditEntry",
  "XapiStatement",
];

/** The e2e server's database, read directly: the same URL scripts/e2e-server.sh gives the app. */
export async function query<T>(sql: string): Promise<T[]> {
  const url = process.env.E2E_DATABASE_URL;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const db = new Database("data/e2e.db", { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/**
 * The outbox's rows are fingerprinted by id alone: the delivery job updates tries, lastError and
 * sentAt on its own timer (server/xapi/deliver.ts), while a new statement is still a new id.
 */
const COLUMNS: Partial<Record<string, string>> = { XapiStatement: '"id"' };

/** A fingerprint of every row of every table: equal fingerprints mean nothing was written. */
export async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const rows = await query<Record<string, unknown>>(
      `SELECT ${COLUMNS[table] ?? "*"} FROM "${table}"`,
    );
    const lines = rows.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();
    out[table] =
      `${rows.length}:${createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 16)}`;
  }
  return out;
}

/**
 * Waits until no timed attempt can reach its deadline in the next `windowMs`. The server submits
 * an attempt at its deadline by itself (the expired-attempts sweep, every minute:
 * server/jobs/background-jobs.ts), a write no request made; journeys before this one leave timed
 * practice tests running. An attempt whose deadline is near or past is waited for until it is
 * submitted, so that a snapshot taken after this stays true for `windowMs` unless a request writes.
 */
export async function waitOutDeadlines(windowMs: number): Promise<void> {
  for (;;) {
    const open = await query<{ expiresAt: string | number }>(
      `SELECT "expiresAt" FROM "Attempt" WHERE "status" = 'IN_PROGRESS' AND "expiresAt" IS NOT NULL`,
    );
    const horizon = Date.now() + windowMs;
    if (open.every((row) => new Date(row.expiresAt).getTime() > horizon)) return;
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
}
