import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createClient, type Db } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import type { DatabaseKind } from "@/server/env";

export interface EmptyDatabase {
  url: string;
  kind: DatabaseKind;
  drop(): Promise<void>;
}

export interface TestDatabase extends EmptyDatabase {
  db: Db;
}

/** The database the tests run on: PostgreSQL when DATABASE_URL names it, else SQLite. */
export function testDatabaseKind(): DatabaseKind {
  return /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "") ? "postgresql" : "sqlite";
}

/**
 * A new database with nothing in it: a temporary SQLite file, or a PostgreSQL database beside the
 * one DATABASE_URL names. `drop()` removes it.
 */
export async function createEmptyDatabase(kind = testDatabaseKind()): Promise<EmptyDatabase> {
  if (kind === "postgresql") {
    if (testDatabaseKind() !== "postgresql")
      throw new Error("a PostgreSQL test database needs DATABASE_URL=postgresql://...");
    const name = `test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
    const admin = new URL(process.env.DATABASE_URL ?? "");
    admin.pathname = "/postgres";
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      kind,
      async drop() {
        const c = new pg.Client({ connectionString: admin.toString() });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "academy-test-"));
  return {
    url: `file:${path.join(dir, "test.db")}`,
    kind,
    async drop() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database for one test file, migrated, with a Prisma client on it (see createEmptyDatabase). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const empty = await createEmptyDatabase();
  await migrate(empty.url);
  const db = createClient(empty.url);
  return {
    ...empty,
    db,
    async drop() {
      await db.$disconnect();
      await empty.drop();
    },
  };
}
