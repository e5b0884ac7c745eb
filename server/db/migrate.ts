import "server-only";
import Database from "better-sqlite3";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { databaseKind, sqlitePath, type DatabaseKind } from "@/server/env";

/**
 * Applies Prisma-layout migrations without Prisma's schema engine, which cannot be downloaded here.
 * Each migration is recorded in `_prisma_migrations` with the columns and checksum Prisma Migrate
 * writes, so that `prisma migrate status` and `deploy` agree wherever the real engine exists.
 */

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends Error {}

export function migrationsDir(kind: DatabaseKind): string {
  return path.join(process.cwd(), "prisma", "migrations", kind);
}

export function readMigrations(dir: string): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/** Decides what to apply; refuses a changed or a failed migration loudly, as Prisma does. */
export function planMigrations(migrations: Migration[], rows: AppliedRow[]): Migration[] {
  const pending: Migration[] = [];
  for (const migration of migrations) {
    const records = rows.filter(
      (r) => r.migration_name === migration.name && r.rolled_back_at == null,
    );
    const failed = records.find((r) => r.finished_at == null);
    if (failed) {
      throw new MigrationError(
        `Migration ${migration.name} failed earlier and was not rolled back. Repair the database, then mark it rolled back ` +
          `(UPDATE "_prisma_migrations" SET rolled_back_at = CURRENT_TIMESTAMP WHERE migration_name = '${migration.name}') and run again.`,
      );
    }
    const done = records.find((r) => r.finished_at != null);
    if (!done) {
      pending.push(migration);
    } else if (done.checksum !== migration.checksum) {
      throw new MigrationError(
        `Migration ${migration.name} was changed after it was applied (checksum ${done.checksum.slice(0, 12)}… in the database, ` +
          `${migration.checksum.slice(0, 12)}… on disk). Restore the original file and put the change in a new migration.`,
      );
    }
  }
  const known = new Set(migrations.map((m) => m.name));
  const unknown = rows.filter(
    (r) => r.finished_at != null && r.rolled_back_at == null && !known.has(r.migration_name),
  );
  if (unknown.length > 0 && pending.length > 0) {
    throw new MigrationError(
      `The database has migrations this code does not know: ${unknown.map((r) => r.migration_name).join(", ")}`,
    );
  }
  return pending;
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Prisma Migrate's own advisory lock key, so that this runner and Prisma never migrate at once. */
const PRISMA_ADVISORY_LOCK = 72707369;

export async function migrate(
  url: string,
  dir = migrationsDir(databaseKind(url)),
): Promise<MigrateResult> {
  const migrations = readMigrations(dir);
  return databaseKind(url) === "sqlite"
    ? migrateSqlite(sqlitePath(url), migrations)
    : migratePostgres(url, migrations);
}

function migrateSqlite(file: string, migrations: Migration[]): MigrateResult {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 10_000 });
  try {
    // WAL survives a process crash with synchronous=FULL and lets readers run beside a writer.
    db.pragma("journal_mode = WAL");
    db.exec(SQLITE_TABLE);
    const applied: string[] = [];
    // BEGIN IMMEDIATE takes the write lock first, so two processes starting together migrate once.
    db.exec("BEGIN IMMEDIATE");
    let pending: Migration[];
    try {
      pending = planMigrations(
        migrations,
        db.prepare(`SELECT * FROM "_prisma_migrations"`).all() as AppliedRow[],
      );
    } finally {
      db.exec("COMMIT");
    }
    for (const migration of pending) {
      const id = randomUUID();
      db.prepare(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES (?, ?, ?, current_timestamp)`,
      ).run(id, migration.checksum, migration.name);
      try {
        db.transaction(() => {
          db.exec(migration.sql);
          db.prepare(
            `UPDATE "_prisma_migrations" SET finished_at = current_timestamp, applied_steps_count = 1 WHERE id = ?`,
          ).run(id);
        }).immediate();
      } catch (error) {
        db.prepare(`UPDATE "_prisma_migrations" SET logs = ? WHERE id = ?`).run(String(error), id);
        throw new MigrationError(
          `Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`,
        );
      }
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: migrations.length - pending.length };
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    await client.query(POSTGRES_TABLE);
    const { rows } = await client.query<AppliedRow>(`SELECT * FROM "_prisma_migrations"`);
    const pending = planMigrations(migrations, rows);
    const applied: string[] = [];
    for (const migration of pending) {
      const id = randomUUID();
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
        [id, migration.checksum, migration.name],
      );
      try {
        await client.query("BEGIN");
        await client.query(migration.sql);
        await client.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        await client.query(`UPDATE "_prisma_migrations" SET logs = $1 WHERE id = $2`, [
          String(error),
          id,
        ]);
        throw new MigrationError(
          `Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`,
        );
      }
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: migrations.length - pending.length };
  } finally {
    await client
      .query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK])
      .catch(() => undefined);
    await client.end();
  }
}
