import Database from "better-sqlite3";
import pg from "pg";

/**
 * Moves a submitted attempt to a fixed time, in the e2e server's database (the URL
 * scripts/e2e-server.sh gives the app). The test clock (server/clock.ts) moves only what the server
 * reads; a submission is stamped with the real time. A journey about dates needs attempts at known
 * instants (an evening in UTC that is the next morning in Tokyo), never at whatever time it runs.
 */
export async function setSubmittedAt(attemptId: string, at: Date): Promise<void> {
  const url = process.env.E2E_DATABASE_URL;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`UPDATE "Attempt" SET "submittedAt" = $1 WHERE "id" = $2`, [
        at,
        attemptId,
      ]);
    } finally {
      await client.end();
    }
    return;
  }
  const db = new Database("data/e2e.db", { fileMustExist: true, timeout: 10_000 });
  try {
    // As Prisma's SQLite adapter writes a DateTime (its default "iso8601" format).
    const stored = at.toISOString().replace("Z", "+00:00");
    const changed = db
      .prepare(`UPDATE "Attempt" SET "submittedAt" = ? WHERE "id" = ?`)
      .run(stored, attemptId).changes;
    if (changed !== 1) throw new Error(`no attempt ${attemptId} to move`);
  } finally {
    db.close();
  }
}
