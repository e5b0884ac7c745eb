import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import fs from "node:fs";
import path from "node:path";
import { PrismaClient as PostgresClient } from "@/generated/postgresql/client";
import { PrismaClient } from "@/generated/sqlite/client";
import { databaseKind, getEnv, sqlitePath } from "@/server/env";
import { PostgresDriver, SqliteDriver, type Driver } from "./driver";

export type Db = PrismaClient;

// Next.js bundles this module into more than one server layer, and getDb() keeps its client on
// globalThis; the drivers are kept there too, so that every copy of the module finds them.
const globalForDrivers = globalThis as unknown as { dbDrivers?: WeakMap<Db, Driver> };
const drivers = (globalForDrivers.dbDrivers ??= new WeakMap<Db, Driver>());

interface AdapterFactory {
  readonly provider: string;
  readonly adapterName: string;
  connect(): Promise<{ dispose(): Promise<void> }>;
  connectToShadowDb(): Promise<unknown>;
}

/**
 * Prisma's adapter factory, changed to open one connection (SQLite's handle, PostgreSQL's pool) that
 * the driver shares through `connect`; once $disconnect disposes it, the next use opens a new one.
 */
function shareConnection<Factory extends AdapterFactory>(
  factory: Factory,
  onOpen?: (adapter: Awaited<ReturnType<Factory["connect"]>>) => void,
) {
  type Adapter = Awaited<ReturnType<Factory["connect"]>>;
  let connection: Promise<Adapter> | undefined;
  const connect = (): Promise<Adapter> =>
    (connection ??= (factory.connect() as Promise<Adapter>).then((adapter) => {
      onOpen?.(adapter);
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = () => {
        connection = undefined;
        return dispose();
      };
      return adapter;
    }));
  const adapter = {
    provider: factory.provider as Factory["provider"],
    adapterName: factory.adapterName,
    connect,
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
  return { adapter, connect };
}

/** A client for the given database URL; the app uses getDb(), tests and scripts may make their own. */
export function createClient(url: string): Db {
  if (databaseKind(url) === "sqlite") {
    const file = sqlitePath(url);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const { adapter, connect } = shareConnection(
      new PrismaBetterSqlite3({ url: file }),
      (opened) => {
        // The database is in WAL mode (set by the migration runner). With synchronous=NORMAL a commit
        // is in the WAL before it is acknowledged, so it survives the app process being killed (the OS
        // still has it); only a power loss could undo the last commits. FULL would add an fsync to
        // every commit for that case alone.
        void opened.executeScript("PRAGMA synchronous = NORMAL");
      },
    );
    const client = new PrismaClient({ adapter });
    drivers.set(client, new SqliteDriver(connect));
    return client;
  }
  // Both clients come from one schema (scripts/prisma-generate.mjs) and differ only in the provider
  // they were generated for, so the PostgreSQL client offers exactly the SQLite client's API. The
  // cast lets the rest of the code name one client type.
  const { adapter, connect } = shareConnection(new PrismaPg({ connectionString: url }));
  const client = new PostgresClient({ adapter }) as unknown as Db;
  drivers.set(client, new PostgresDriver(async () => (await connect()).underlyingDriver()));
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
