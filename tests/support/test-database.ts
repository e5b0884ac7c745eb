import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createClient, type Db } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";

export interface TestDatabase {
  url: string;
  kind: "sqlite" | "postgresql";
  db: Db;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: a temporary SQLite file by default, or, when
 * DATABASE_URL names PostgreSQL, a new database beside it that is dropped afterwards.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL ?? "";
  if (/^postgres(ql)?:\/\//.test(base)) {
    const name = `test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
    const admin = new URL(base);
    admin.pathname = "/postgres";
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    await migrate(url.toString());
    const db = createClient(url.toString());
    return {
      url: url.toString(),
      kind: "postgresql",
      db,
      async drop() {
        await db.$disconnect();
        const c = new pg.Client({ connectionString: admin.toString() });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "academy-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  await migrate(url);
  const db = createClient(url);
  return {
    url,
    kind: "sqlite",
    db,
    async drop() {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
