import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import fs from "node:fs";
import path from "node:path";
import { PrismaClient as PostgresClient } from "@/generated/postgresql/client";
import { PrismaClient } from "@/generated/sqlite/client";
import { databaseKind, getEnv, sqlitePath } from "@/server/env";

export type Db = PrismaClient;

/** A client for the given database URL; the app uses getDb(), tests and scripts may make their own. */
export function createClient(url: string): Db {
  if (databaseKind(url) === "sqlite") {
    const file = sqlitePath(url);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file }) });
  }
  // Both clients come from one schema (scripts/prisma-generate.mjs) and differ only in the provider
  // they were generated for, so the PostgreSQL client offers exactly the SQLite client's API. The
  // cast lets the rest of the code name one client type.
  return new PostgresClient({
    adapter: new PrismaPg({ connectionString: url }),
  }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { db?: Db; dbUrl?: string };

/** The one database client of this process, for the database DATABASE_URL names. */
export function getDb(): Db {
  const url = getEnv().DATABASE_URL;
  if (!globalForDb.db || globalForDb.dbUrl !== url) {
    globalForDb.db = createClient(url);
    globalForDb.dbUrl = url;
  }
  return globalForDb.db;
}
