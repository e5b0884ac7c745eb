import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaClient as PostgresClient } from "@/generated/postgresql/client";
import { PrismaClient } from "@/generated/sqlite/client";
import { databaseKind, getEnv, sqlitePath } from "@/server/env";
import { PostgresDriver, SqliteDriver, type Driver } from "./driver";

export type Db = PrismaClient;

// Next.js bundles this module into more than one server layer, and getDb() keeps its client on
// globalThis; the drivers are kept there too, so that every copy of the module finds them.
const globalForDrivers = globalThis as unknown as { dbDrivers?: WeakMap<Db, Driver> };
const drivers = (globalForDrivers.dbDrivers ??= new WeakMap<Db, Driver>());

/** A client for the given database URL; the app uses getDb(), tests and scripts may make their own. */
export function createClient(url: string): Db {
  if (databaseKind(url) === "sqlite") {
    const file = sqlitePath(url);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const factory = new PrismaBetterSqlite3({ url: file });
    // One connection, opened once and shared by Prisma and the driver; reopened after $disconnect.
    let connection: ReturnType<typeof factory.connect> | undefined;
    const connect = () => {
      connection ??= factory.connect().then((adapter) => {
        // The database is in WAL mode (set by the migration runner). With synchronous=NORMAL a commit
        // is in the WAL before it is acknowledged, so it survives the app process being killed (the OS
        // still has it); only a power loss could undo the last commits. FULL would add an fsync to
        // every commit for that case alone.
        void adapter.executeScript("PRAGMA synchronous = NORMAL");
        const dispose = adapter.dispose.bind(adapter);
        adapter.dispose = () => {
          connection = undefined;
          return dispose();
        };
        return adapter;
      });
      return connection;
    };
    const client = new PrismaClient({ adapter: { provider: factory.provider, adapterName: factory.adapterName, connect, connectToShadowDb: () => factory.connectToShadowDb() } });
    drivers.set(client, new SqliteDriver(connect));
    return client;
  }
  // Both clients come from one schema (scripts/prisma-generate.mjs) and differ only in the provider
  // they were generated for, so the PostgreSQL client offers exactly the SQLite client's API. The
  // cast lets the rest of the code name one client type.
  const { provider, adapterName } = new PrismaPg({ connectionString: url });
  // One pool, shared by Prisma and the driver; a new one after $disconnect, as for SQLite above.
  let pool: pg.Pool | undefined;
  const currentPool = () => {
    if (!pool) {
      pool = new pg.Pool({ connectionString: url });
      // An idle connection that breaks (the server restarting) is dropped by the pool; without a
      // listener the 'error' event would end the process.
      pool.on("error", (error) => console.error("database connection lost:", error.message));
    }
    return pool;
  };
  const connect = async () => {
    const owned = currentPool();
    const adapter = await new PrismaPg(owned).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      if (pool === owned) pool = undefined;
      await dispose();
      await owned.end();
    };
    return adapter;
  };
  const client = new PostgresClient({
    adapter: { provider, adapterName, connect, connectToShadowDb: () => new PrismaPg({ connectionString: url }).connectToShadowDb() },
  }) as unknown as Db;
  drivers.set(client, new PostgresDriver(currentPool));
  return client;
}

/** The driver under a client, sharing its connections: for the hot paths (see server/db/driver.ts). */
export function driverOf(db: Db): Driver {
  const driver = drivers.get(db);
  if (!driver) throw new Error("This client was not made by createClient");
  return driver;
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
