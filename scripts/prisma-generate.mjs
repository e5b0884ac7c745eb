// Generates the two Prisma clients the app chooses between at run time: SQLite (generated/sqlite)
// and PostgreSQL (generated/postgresql). A generated client only works with an adapter of the
// provider it was generated for, so one schema source yields two clients.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const source = path.join(root, "prisma", "schema.prisma");
const pgSchema = path.join(root, "generated", "schema.postgresql.prisma");

const schema = fs.readFileSync(source, "utf8");
fs.mkdirSync(path.dirname(pgSchema), { recursive: true });
fs.writeFileSync(
  pgSchema,
  schema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"[^"]*"/, 'output       = "./postgresql"'),
);

// Prisma 7's CLI downloads its schema-engine binary before any command, and this machine cannot
// reach that download. `generate` never runs the engine, so pointing the variable at any existing
// file lets it proceed offline. Only set when no real engine was named.
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= source;

const prisma = path.join(root, "node_modules", "prisma", "build", "index.js");
for (const file of [source, pgSchema]) {
  execFileSync(process.execPath, [prisma, "generate", "--schema", file], {
    cwd: root,
    env,
    stdio: "inherit",
  });
}
