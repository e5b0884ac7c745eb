import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, migrationsDir, readMigrations } from "@/server/db/migrate";
import { queryDatabase, readDatabaseShape } from "../support/database-shape";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { readSchemaModels } from "../support/schema-models";

let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
});

afterAll(async () => {
  await test.drop();
});

// Prisma scalar types and the column types each database may use for them.
const COMPATIBLE: Record<string, { sqlite: string[]; postgresql: string[] }> = {
  String: { sqlite: ["TEXT"], postgresql: ["TEXT"] },
  Int: { sqlite: ["INTEGER"], postgresql: ["INTEGER"] },
  Float: { sqlite: ["REAL"], postgresql: ["DOUBLE PRECISION"] },
  Boolean: { sqlite: ["BOOLEAN"], postgresql: ["BOOLEAN"] },
  DateTime: { sqlite: ["DATETIME"], postgresql: ["TIMESTAMP WITHOUT TIME ZONE"] },
  enum: { sqlite: ["TEXT"], postgresql: ["ENUM"] },
};

describe("migrations", () => {
  it("creates every model's table with every field, a compatible type and the right nullability (drift test)", async () => {
    const { models, enums } = readSchemaModels(path.join(process.cwd(), "prisma", "schema.prisma"));
    expect(models.length).toBeGreaterThan(5);
    const { tables } = await readDatabaseShape(test.url);
    for (const model of models) {
      expect(tables[model.name], `table ${model.name} exists`).toBeDefined();
      const columns = new Map(tables[model.name].columns.map((c) => [c.name, c]));
      for (const field of model.fields) {
        const column = columns.get(field.name);
        expect(column, `${model.name}.${field.name} exists`).toBeDefined();
        const allowed = COMPATIBLE[enums.has(field.type) ? "enum" : field.type][test.kind];
        expect(allowed, `${model.name}.${field.name} type ${column?.type}`).toContain(column?.type);
        expect(column?.nullable, `${model.name}.${field.name} nullability`).toBe(field.optional);
      }
      for (const unique of model.uniques)
        expect(tables[model.name].uniques, `${model.name} unique (${unique})`).toContain(unique);
    }
  });

  it("applies nothing on a second run", async () => {
    const again = await migrate(test.url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(readMigrations(migrationsDir(test.kind)).length);
  });

  it("records each migration as Prisma Migrate does", async () => {
    const rows = await queryDatabase<{
      migration_name: string;
      checksum: string;
      finished_at: unknown;
      applied_steps_count: number;
      rolled_back_at: unknown;
    }>(test.url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    const onDisk = readMigrations(migrationsDir(test.kind));
    expect(rows.map((r) => r.migration_name)).toEqual(onDisk.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(onDisk[i].checksum);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
    }
  });
});

describe("migration failures (SQLite scratch databases)", () => {
  function scratch() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrate-"));
    const migrations = path.join(dir, "migrations");
    const write = (name: string, sql: string) => {
      fs.mkdirSync(path.join(migrations, name), { recursive: true });
      fs.writeFileSync(path.join(migrations, name, "migration.sql"), sql);
    };
    return {
      url: `file:${path.join(dir, "db.sqlite")}`,
      file: path.join(dir, "db.sqlite"),
      migrations,
      write,
    };
  }

  it("[MIGRATE] a migration changed after it was applied is refused loudly", async () => {
    const s = scratch();
    s.write("001_a", "CREATE TABLE a (id INTEGER);");
    await migrate(s.url, s.migrations);
    s.write("001_a", "CREATE TABLE a (id INTEGER, extra TEXT);");
    await expect(migrate(s.url, s.migrations)).rejects.toThrow(
      /001_a was changed after it was applied/,
    );
  });

  it("[MIGRATE] a failing migration is rolled back, recorded as failed, and blocks the next run", async () => {
    const s = scratch();
    s.write("001_ok", "CREATE TABLE ok (id INTEGER);");
    s.write("002_bad", "CREATE TABLE half (id INTEGER);\nTHIS IS NOT SQL;");
    await expect(migrate(s.url, s.migrations)).rejects.toThrow(
      /002_bad failed and was rolled back/,
    );
    const db = new Database(s.file, { readonly: true });
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`)
      .all()
      .map((r) => (r as { name: string }).name);
    const failed = db
      .prepare(
        `SELECT finished_at, logs FROM "_prisma_migrations" WHERE migration_name = '002_bad'`,
      )
      .get() as { finished_at: unknown; logs: string };
    db.close();
    expect(tables).toContain("ok");
    expect(tables).not.toContain("half");
    expect(failed.finished_at).toBeNull();
    expect(failed.logs).toMatch(/syntax error/);
    await expect(migrate(s.url, s.migrations)).rejects.toThrow(/002_bad failed earlier/);
  });
});
