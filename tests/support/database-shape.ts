import Database from "better-sqlite3";
import pg from "pg";
import { databaseKind } from "@/server/env";

export async function queryDatabase<T>(url: string, sql: string, params: unknown[] = []) {
  if (databaseKind(url) === "sqlite") {
    const db = new Database(url.slice("file:".length), { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export interface ColumnShape {
  name: string;
  /** SQLite's declared type; PostgreSQL's data type, or ENUM for an enum. */
  type: string;
  nullable: boolean;
  default: string | null;
}

export interface TableShape {
  /** By name: a column added by a later migration comes last in the table but not here. */
  columns: ColumnShape[];
  /** Unique column sets, comma-joined, the primary key's included. */
  uniques: string[];
  /** Every index and constraint, as the database describes it, sorted. */
  definitions: string[];
}

export interface DatabaseShape {
  tables: Record<string, TableShape>;
  /** PostgreSQL enum types and their values (sorted: Prisma adds a value at the end). */
  enums: Record<string, string[]>;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** Tables, columns, keys, indexes and enums of a database, leaving out the migrations table. */
export async function readDatabaseShape(url: string): Promise<DatabaseShape> {
  const tables: Record<string, TableShape> = {};
  const enums: Record<string, string[]> = {};
  const q = <T>(sql: string, params: unknown[] = []) => queryDatabase<T>(url, sql, params);

  if (databaseKind(url) === "sqlite") {
    const names = await q<{ name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`,
    );
    for (const { name } of names) {
      const info = await q<{
        name: string;
        type: string;
        notnull: number;
        dflt_value: string | null;
        pk: number;
      }>(`PRAGMA table_info("${name}")`);
      const uniques: string[] = [];
      const definitions: string[] = [];
      for (const index of await q<{ name: string; unique: number }>(
        `PRAGMA index_list("${name}")`,
      )) {
        const cols = (await q<{ name: string }>(`PRAGMA index_info("${index.name}")`))
          .map((c) => c.name)
          .join(",");
        if (index.unique) uniques.push(cols);
        definitions.push(`${index.unique ? "UNIQUE " : ""}INDEX ${index.name} (${cols})`);
      }
      const pk = info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name)
        .join(",");
      if (pk) uniques.push(pk);
      const keys = new Map<
        number,
        { table: string; from: string[]; to: string[]; rules: string }
      >();
      for (const fk of await q<{
        id: number;
        table: string;
        from: string;
        to: string;
        on_update: string;
        on_delete: string;
      }>(`PRAGMA foreign_key_list("${name}")`)) {
        const key = keys.get(fk.id) ?? {
          table: fk.table,
          from: [],
          to: [],
          rules: `ON DELETE ${fk.on_delete} ON UPDATE ${fk.on_update}`,
        };
        key.from.push(fk.from);
        key.to.push(fk.to);
        keys.set(fk.id, key);
      }
      for (const fk of keys.values())
        definitions.push(`FOREIGN KEY (${fk.from}) REFERENCES ${fk.table}(${fk.to}) ${fk.rules}`);
      tables[name] = {
        columns: info
          .map((c) => ({
            name: c.name,
            type: c.type.toUpperCase(),
            nullable: c.notnull === 0,
            default: c.dflt_value,
          }))
          .sort(byName),
        uniques: uniques.sort(),
        definitions: definitions.sort(),
      };
    }
    return { tables, enums };
  }

  const columns = await q<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
  }>(
    `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  );
  for (const c of columns) {
    tables[c.table_name] ??= { columns: [], uniques: [], definitions: [] };
    tables[c.table_name].columns.push({
      name: c.column_name,
      type: (c.data_type === "USER-DEFINED" ? "ENUM" : c.data_type).toUpperCase(),
      nullable: c.is_nullable === "YES",
      default: c.column_default,
    });
  }
  const indexes = await q<{ tablename: string; indexdef: string }>(
    `SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'`,
  );
  const constraints = await q<{ table: string; definition: string }>(
    `SELECT c.relname AS table, con.conname || ' ' || pg_get_constraintdef(con.oid) AS definition
       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'`,
  );
  for (const [name, table] of Object.entries(tables)) {
    const own = indexes.filter((i) => i.tablename === name).map((i) => i.indexdef);
    table.columns.sort(byName);
    table.uniques = own
      .filter((def) => def.startsWith("CREATE UNIQUE"))
      .map((def) => /\((.*)\)/.exec(def)?.[1].replace(/"/g, "").replace(/\s/g, "") ?? "")
      .sort();
    table.definitions = [
      ...own,
      ...constraints.filter((c) => c.table === name).map((c) => c.definition),
    ].sort();
  }
  const labels = await q<{ typname: string; enumlabel: string }>(
    `SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid`,
  );
  for (const { typname, enumlabel } of labels) (enums[typname] ??= []).push(enumlabel);
  for (const values of Object.values(enums)) values.sort();
  return { tables, enums };
}
