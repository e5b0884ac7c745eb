import "server-only";
import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import pg from "pg";

/**
 * The database drivers underneath Prisma, for the few paths that run on every request or every
 * submit. Prisma 7 spends 0.1–1 ms of JavaScript on each statement (query building, a fresh
 * `prepare` in the SQLite adapter, converting every value), which is most of a graded submit; here a
 * statement is prepared once and its values are bound as they are. See README, "Performance".
 *
 * The drivers share Prisma's connections (the same SQLite handle, the same PostgreSQL pool), so a
 * transaction here and a Prisma transaction take turns exactly as two Prisma transactions would.
 */

export type SqlValue = string | number | boolean | Date | null;

/** A statement's text around its values, which are always bound, never spliced into the text. */
export class Sql {
  constructor(
    readonly parts: readonly string[],
    readonly values: readonly SqlValue[],
  ) {}
}

/** Tagged template: `sql\`... WHERE "id" = ${id}\``. A nested Sql is inlined with its own values. */
export function sql(strings: TemplateStringsArray, ...args: Array<SqlValue | Sql>): Sql {
  const parts = [strings[0]];
  const values: SqlValue[] = [];
  args.forEach((arg, i) => {
    if (arg instanceof Sql) {
      append(parts, values, arg);
    } else {
      values.push(arg);
      parts.push("");
    }
    parts[parts.length - 1] += strings[i + 1];
  });
  return new Sql(parts, values);
}

/** Fixed text from our own code (identifiers, keywords), never user input. */
export const raw = (text: string) => new Sql([text], []);

/** The items one after the other, for VALUES and IN lists; built in one pass, as lists can be long. */
export function join(items: readonly Sql[], separator = ", "): Sql {
  const parts = [""];
  const values: SqlValue[] = [];
  items.forEach((item, i) => {
    if (i > 0) parts[parts.length - 1] += separator;
    append(parts, values, item);
  });
  return new Sql(parts, values);
}

function append(parts: string[], values: SqlValue[], item: Sql) {
  parts[parts.length - 1] += item.parts[0];
  item.values.forEach((value, j) => {
    values.push(value);
    parts.push(item.parts[j + 1]);
  });
}

export interface Queryable {
  /** The rows, with date columns as Dates and boolean columns as booleans on both databases. */
  query<Row>(statement: Sql): Promise<Row[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  execute(statement: Sql): Promise<number>;
}

export interface Driver extends Queryable {
  /** Runs `body` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(body: (tx: Queryable) => Promise<T>): Promise<T>;
}

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;

interface Prepared {
  statement: Database.Statement;
  dates: string[];
  booleans: string[];
}

// Statements differ by how many rows a multi-row VALUES list has, so the cache is bounded.
const STATEMENT_CACHE_SIZE = 256;

/**
 * SQLite through better-sqlite3, on the connection Prisma's adapter opened. Transactions go through
 * the adapter's own startTransaction, which waits for Prisma's transaction lock, so the two never
 * interleave statements inside one transaction.
 */
export class SqliteDriver implements Driver {
  private readonly statements = new Map<string, Prepared>();
  private db: Database.Database | undefined;

  constructor(private readonly connect: () => Promise<SqliteAdapter>) {}

  async query<Row>(statement: Sql): Promise<Row[]> {
    return this.all<Row>(await this.connection(), statement);
  }

  async execute(statement: Sql): Promise<number> {
    return this.run(await this.connection(), statement);
  }

  async transaction<T>(body: (tx: Queryable) => Promise<T>): Promise<T> {
    const adapter = await this.connect();
    const db = this.handleOf(adapter);
    const transaction = await adapter.startTransaction();
    // The adapter has issued BEGIN; with usePhantomQuery false the caller issues COMMIT or ROLLBACK.
    const tx: Queryable = {
      query: async (s) => this.all(db, s),
      execute: async (s) => this.run(db, s),
    };
    try {
      const result = await body(tx);
      this.run(db, raw("COMMIT"));
      await transaction.commit();
      return result;
    } catch (error) {
      if (db.inTransaction) this.run(db, raw("ROLLBACK"));
      await transaction.rollback();
      throw error;
    }
  }

  private async connection(): Promise<Database.Database> {
    return this.handleOf(await this.connect());
  }

  /** The better-sqlite3 handle inside Prisma's adapter; a new one after a $disconnect and reconnect. */
  private handleOf(adapter: SqliteAdapter): Database.Database {
    const handle = (adapter as unknown as { client?: unknown }).client;
    if (!(handle instanceof Database))
      throw new Error("The SQLite adapter no longer exposes its better-sqlite3 connection");
    if (handle !== this.db) {
      this.statements.clear();
      this.db = handle;
    }
    return handle;
  }

  private prepare(db: Database.Database, text: string): Prepared {
    let prepared = this.statements.get(text);
    if (!prepared) {
      const statement = db.prepare(text);
      // Prisma's adapter turns BigInt reading on for the whole connection; our columns fit in a number.
      if (statement.reader) statement.safeIntegers(false);
      const columns = statement.reader ? statement.columns() : [];
      prepared = {
        statement,
        dates: columns.filter((c) => c.type === "DATETIME").map((c) => c.name),
        booleans: columns.filter((c) => c.type === "BOOLEAN").map((c) => c.name),
      };
      if (this.statements.size >= STATEMENT_CACHE_SIZE)
        this.statements.delete(this.statements.keys().next().value!);
      this.statements.set(text, prepared);
    }
    return prepared;
  }

  private all<Row>(db: Database.Database, statement: Sql): Row[] {
    const { statement: prepared, dates, booleans } = this.prepare(db, statement.parts.join("?"));
    const values = statement.values.map(toSqlite);
    if (!prepared.reader) {
      prepared.run(values);
      return [];
    }
    const rows = prepared.all(values) as Array<Record<string, unknown>>;
    if (dates.length > 0 || booleans.length > 0) {
      for (const row of rows) {
        for (const name of dates)
          if (row[name] !== null) row[name] = fromSqliteDate(row[name] as string | number);
        for (const name of booleans) if (row[name] !== null) row[name] = row[name] === 1;
      }
    }
    return rows as Row[];
  }

  private run(db: Database.Database, statement: Sql): number {
    return this.prepare(db, statement.parts.join("?")).statement.run(statement.values.map(toSqlite))
      .changes;
  }
}

/**
 * A stored date as Prisma's adapter reads it: ISO 8601 text (ours and Prisma's carry "+00:00"),
 * SQLite's own CURRENT_TIMESTAMP text, which is UTC without saying so, or epoch milliseconds.
 */
function fromSqliteDate(value: string | number): Date {
  if (typeof value === "number" || /(Z|[+-]\d\d:\d\d)$/i.test(value)) return new Date(value);
  return new Date(`${value.replace(" ", "T")}Z`);
}

/** Values as Prisma's SQLite adapter stores them, so that Prisma reads back what we write. */
function toSqlite(value: SqlValue): string | number | null {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

// Prisma's PostgreSQL columns are `timestamp(3)` in UTC, without a zone; pg would read them as local time.
const TIMESTAMP = 1114;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP
      ? (text: string) => new Date(`${text.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** PostgreSQL through pg, on the pool Prisma's adapter opened (a new one after a $disconnect). */
export class PostgresDriver implements Driver {
  constructor(private readonly pool: () => Promise<pg.Pool>) {}

  async query<Row>(statement: Sql): Promise<Row[]> {
    return queryPg<Row>(await this.pool(), statement);
  }

  async execute(statement: Sql): Promise<number> {
    return (await (await this.pool()).query(toPg(statement))).rowCount ?? 0;
  }

  async transaction<T>(body: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await (await this.pool()).connect();
    const tx: Queryable = {
      query: (s) => queryPg(client, s),
      execute: async (s) => (await client.query(toPg(s))).rowCount ?? 0,
    };
    let broken: unknown;
    try {
      await client.query("BEGIN");
      const result = await body(tx);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: unknown) => (broken = rollbackError));
      throw error;
    } finally {
      // A connection that could not even roll back is dropped rather than handed to the next request.
      client.release(broken instanceof Error ? broken : undefined);
    }
  }
}

async function queryPg<Row>(client: pg.Pool | pg.PoolClient, statement: Sql): Promise<Row[]> {
  return (await client.query(toPg(statement))).rows as Row[];
}

function toPg(statement: Sql): pg.QueryConfig {
  return {
    text: statement.parts.reduce((text, part, i) => `${text}$${i}${part}`),
    // A Date is sent as its UTC digits: a `timestamp` column ignores the zone, pg would send local time.
    values: statement.values.map((value) => (value instanceof Date ? value.toISOString() : value)),
    types,
  };
}
