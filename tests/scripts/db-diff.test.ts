import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrate, migrationsDir } from "@/server/db/migrate";
import type { DatabaseKind } from "@/server/env";
import {
  PROVIDERS,
  diffSchemas,
  migrationFolderName,
  writeMigrations,
} from "@/scripts/db-diff/diff-schemas";
import { readDatabaseShape } from "../support/database-shape";
import { createEmptyDatabase, testDatabaseKind } from "../support/test-database";

const schema = fs.readFileSync(path.join("prisma", "schema.prisma"), "utf8");

function scratchDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "db-diff-"));
}

/** The shape of a new database after `migrate` applies the migrations in `dir`. */
async function shapeAfterMigrating(kind: DatabaseKind, dir: string) {
  const database = await createEmptyDatabase(kind);
  try {
    await migrate(database.url, dir);
    return await readDatabaseShape(database.url);
  } finally {
    await database.drop();
  }
}

async function expectFromEmptyToMatchCommittedMigrations(kind: DatabaseKind) {
  const diff = await diffSchemas(null, schema, kind);
  expect(diff.empty).toBe(false);
  const dir = scratchDir();
  try {
    fs.mkdirSync(path.join(dir, "00000000000000_from_empty"));
    fs.writeFileSync(path.join(dir, "00000000000000_from_empty", "migration.sql"), diff.sql);
    const fromDiff = await shapeAfterMigrating(kind, dir);
    const fromMigrations = await shapeAfterMigrating(kind, migrationsDir(kind));
    expect(Object.keys(fromDiff.tables).length).toBeGreaterThan(5);
    expect(fromDiff).toEqual(fromMigrations);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("npm run db:diff", () => {
  it("--from-empty on SQLite builds the database the committed migrations build", async () => {
    await expectFromEmptyToMatchCommittedMigrations("sqlite");
  });

  it.skipIf(testDatabaseKind() !== "postgresql")(
    "--from-empty on PostgreSQL builds the database the committed migrations build",
    async () => {
      await expectFromEmptyToMatchCommittedMigrations("postgresql");
    },
  );

  it("finds no difference between the schema and itself, so --create refuses", () => {
    const before = PROVIDERS.map((p) => fs.readdirSync(migrationsDir(p)));
    const result = spawnSync(
      "npx",
      [
        "tsx",
        "--conditions=react-server",
        "scripts/db-diff.ts",
        "--from",
        "prisma/schema.prisma",
        "--create",
        "nothing_changed",
      ],
      { encoding: "utf8" },
    );
    expect(result.stderr).toContain("the schemas do not differ");
    expect(result.status).toBe(1);
    expect(PROVIDERS.map((p) => fs.readdirSync(migrationsDir(p)))).toEqual(before);
  });

  it("--create writes one migration per provider, which applies after the committed ones", async () => {
    const changed = schema.replace(/^model User \{\n/m, "$&  nickname String?\n");
    expect(changed).not.toBe(schema);
    const diffs = await Promise.all(PROVIDERS.map((p) => diffSchemas(schema, changed, p)));
    const root = scratchDir();
    try {
      for (const p of PROVIDERS)
        fs.cpSync(migrationsDir(p), path.join(root, p), { recursive: true });
      const files = writeMigrations("add_nickname", diffs, root, new Date("2099-01-02T03:04:05Z"));
      expect(files.map((f) => path.relative(root, f))).toEqual(
        PROVIDERS.map((p) => path.join(p, "20990102030405_add_nickname", "migration.sql")),
      );
      for (const file of files) expect(fs.readFileSync(file, "utf8")).toMatch(/"nickname" TEXT/);
      const { tables } = await shapeAfterMigrating("sqlite", path.join(root, "sqlite"));
      expect(tables.User.columns).toContainEqual({
        name: "nickname",
        type: "TEXT",
        nullable: true,
        default: null,
      });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("--create refuses a bad name, and a timestamp that would not sort last", () => {
    expect(() => migrationFolderName("Add Nickname", new Date())).toThrow(/lower-case/);
    const diffs = PROVIDERS.map((provider) => ({ provider, sql: "SELECT 1;", empty: false }));
    const root = path.join("prisma", "migrations");
    expect(() =>
      writeMigrations("too_early", diffs, root, new Date("2020-01-01T00:00:00Z")),
    ).toThrow(/would not sort after/);
  });
});
