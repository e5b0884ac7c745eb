// The migration SQL between two Prisma schemas, for SQLite or PostgreSQL, offline and with no
// database server. Prisma 7's CLI downloads its schema-engine binary before any migrate command,
// and no download is possible here. Prisma 6.19's early-access JavaScript schema engine
// (`engine: "js"` plus a driver adapter) needs no binary and diffs two datamodels as Prisma does;
// it is pinned in ./package.json, a package of its own so that its `prisma` bin never replaces
// Prisma 7's. (The root package.json's override points that adapter, which asks for
// better-sqlite3 11, at the project's better-sqlite3 12, so nothing is built twice.) Each run works
// in a scratch folder under ./.work (git-ignored), where the Prisma config written for it resolves
// that Prisma 6.19 and its adapter.
import { execFile } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { DatabaseKind } from "@/server/env";
import { readMigrations } from "@/server/db/migrate";

export const PROVIDERS: readonly DatabaseKind[] = ["sqlite", "postgresql"];

export function isProvider(value: string): value is DatabaseKind {
  return (PROVIDERS as readonly string[]).includes(value);
}

export interface SchemaDiff {
  provider: DatabaseKind;
  /** The script for one migration.sql; Prisma writes a comment alone when there is no change. */
  sql: string;
  empty: boolean;
}

export class DbDiffError extends Error {}

const engineDir = import.meta.dirname;

// Prisma 6 reads the config's own schema before any command, and downloads its library engine
// unless that schema's generator says `engineType = "client"`. The diffed schemas need no generator.
const STUB_SCHEMA = `generator client {
  provider   = "prisma-client"
  output     = "./unused"
  engineType = "client"
}

datasource db {
  provider = "sqlite"
  url      = "file:./unused.db"
}
`;

// The JS engine asks for its adapter even to diff two datamodels. An in-memory SQLite one serves
// the PostgreSQL diffs too: tests/scripts/db-diff.test.ts applies both providers' output.
const CONFIG = `import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "stub.prisma",
  adapter: async () => new PrismaBetterSQLite3({ url: ":memory:" }),
});
`;

/** The provider a schema's datasource names. */
export function schemaProvider(source: string): DatabaseKind {
  const provider = /datasource\s+\w+\s*\{[^}]*?provider\s*=\s*"(\w+)"/.exec(source)?.[1];
  if (provider === undefined || !isProvider(provider))
    throw new DbDiffError(`the schema's datasource names ${provider ?? "no provider"}`);
  return provider;
}

/**
 * A copy of a Prisma 7 schema that Prisma 6.19 accepts, naming `provider`: 6.19 wants a datasource
 * url (never used for a diff) and may not know the options of a Prisma 7 generator.
 */
export function adaptSchema(source: string, provider: DatabaseKind): string {
  schemaProvider(source);
  const url = provider === "sqlite" ? "file:./unused.db" : "postgresql://unused@127.0.0.1:1/unused";
  return source
    .replace(/^generator\s+\w+\s*\{[^}]*\}/gm, "")
    .replace(/^(datasource\s+\w+\s*\{)([^}]*)\}/m, (_, head: string, body: string) => {
      const rest = body
        .replace(/^\s*(url|directUrl|shadowDatabaseUrl)\s*=.*\n/gm, "")
        .replace(/(provider\s*=\s*)"\w+"/, `$1"${provider}"`);
      return `${head}${rest}  url = "${url}"\n}`;
    });
}

/** The SQL taking a database from schema `from` (null: an empty database) to schema `to`. */
export async function diffSchemas(
  from: string | null,
  to: string,
  provider: DatabaseKind,
): Promise<SchemaDiff> {
  fs.mkdirSync(path.join(engineDir, ".work"), { recursive: true });
  const work = fs.mkdtempSync(path.join(engineDir, ".work", "run-"));
  try {
    fs.writeFileSync(path.join(work, "prisma.config.mjs"), CONFIG);
    fs.writeFileSync(path.join(work, "stub.prisma"), STUB_SCHEMA);
    fs.writeFileSync(path.join(work, "to.prisma"), adaptSchema(to, provider));
    let start = ["--from-empty"];
    if (from !== null) {
      fs.writeFileSync(path.join(work, "from.prisma"), adaptSchema(from, provider));
      start = ["--from-schema-datamodel", "from.prisma"];
    }
    const { code, stdout, stderr } = await runPrisma6(work, [
      ...["migrate", "diff", "--config", "prisma.config.mjs", "--script"],
      // The exit status then says whether the schemas differ: 0 no, 2 yes, 1 failure.
      "--exit-code",
      // A file rather than stdout, which the CLI's closing process.exit() could cut short.
      ...["--output", "migration.sql"],
      ...start,
      ...["--to-schema-datamodel", "to.prisma"],
    ]);
    if (code !== 0 && code !== 2)
      throw new DbDiffError(`prisma migrate diff (${provider}) failed:\n${stderr}${stdout}`);
    const sql = fs.readFileSync(path.join(work, "migration.sql"), "utf8");
    return { provider, sql, empty: code === 0 };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function runPrisma6(cwd: string, args: string[]) {
  const cli = createRequire(path.join(engineDir, "package.json")).resolve("prisma/build/index.js");
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, ...args],
      {
        cwd,
        encoding: "utf8",
        env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
      },
      (error, stdout, stderr) => {
        // A numeric code is the CLI's exit status; anything else (no node, a signal) is a failure.
        if (error && typeof error.code !== "number") reject(error);
        else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

/** Prisma's migration folder name: the UTC time to the second, then the name. */
export function migrationFolderName(name: string, now: Date): string {
  if (!/^[a-z0-9_]+$/.test(name))
    throw new DbDiffError(`migration name "${name}": use lower-case letters, digits and _`);
  return `${now.toISOString().replace(/\D/g, "").slice(0, 14)}_${name}`;
}

/**
 * Writes `<root>/<provider>/<timestamp>_<name>/migration.sql` for every diff, all with the same
 * folder name so the providers' histories stay parallel (a provider with no change gets Prisma's
 * empty-migration comment). Refuses when no diff has a change, and when the new folder would not
 * sort after every existing migration, because the runner applies them in name order.
 */
export function writeMigrations(
  name: string,
  diffs: SchemaDiff[],
  root: string,
  now = new Date(),
): string[] {
  const folder = migrationFolderName(name, now);
  if (diffs.every((d) => d.empty))
    throw new DbDiffError("the schemas do not differ: there is no migration to create");
  for (const { provider } of diffs) {
    const latest = readMigrations(path.join(root, provider)).at(-1)?.name;
    if (latest && latest >= folder)
      throw new DbDiffError(`${folder} would not sort after ${provider}/${latest}`);
  }
  return diffs.map(({ provider, sql }) => {
    const file = path.join(root, provider, folder, "migration.sql");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, sql);
    return file;
  });
}
