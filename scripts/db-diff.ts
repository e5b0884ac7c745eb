// npm run db:diff: the SQL that takes a database from one Prisma schema to another, offline (see
// scripts/db-diff/diff-schemas.ts for how). Prints it, or writes a new migration for both providers.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  DbDiffError,
  PROVIDERS,
  diffSchemas,
  isProvider,
  schemaProvider,
  writeMigrations,
} from "./db-diff/diff-schemas";

const USAGE = `usage: npm run db:diff -- [FROM] [--to NEW.prisma] [--provider sqlite|postgresql]
       npm run db:diff -- [FROM] [--to NEW.prisma] --create NAME

FROM is where the database starts, one of:
  --from-git REV      the --to schema as committed at REV (default: HEAD)
  --from OLD.prisma   another schema file
  --from-empty        an empty database
--to is prisma/schema.prisma unless given.

Prints the SQL for --provider (default: the provider the --to schema names).
--create NAME writes prisma/migrations/{sqlite,postgresql}/<UTC timestamp>_NAME/migration.sql,
both providers at once, and refuses when the schemas do not differ.`;

class UsageError extends Error {}

function parse() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        from: { type: "string" },
        "from-git": { type: "string" },
        "from-empty": { type: "boolean", default: false },
        to: { type: "string", default: "prisma/schema.prisma" },
        provider: { type: "string" },
        create: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const starts = [values.from, values["from-git"], values["from-empty"] || undefined];
  if (starts.filter((s) => s !== undefined).length > 1)
    throw new UsageError("give one of --from, --from-git and --from-empty");
  const { provider } = values;
  if (provider !== undefined && !isProvider(provider))
    throw new UsageError(`--provider must be ${PROVIDERS.join(" or ")}`);
  if (provider !== undefined && values.create !== undefined)
    throw new UsageError("--create writes a migration for every provider; drop --provider");
  return { ...values, provider };
}

function readSchema(file: string): string {
  if (!fs.existsSync(file)) throw new UsageError(`no such schema file: ${file}`);
  return fs.readFileSync(file, "utf8");
}

function committedSchema(file: string, rev: string): string {
  try {
    return execFileSync("git", ["show", `${rev}:./${path.relative(process.cwd(), file)}`], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    const reason = (error as { stderr?: string }).stderr?.trim() || String(error);
    throw new UsageError(`cannot read ${file} at ${rev}: ${reason}`);
  }
}

async function main() {
  const options = parse();
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const to = readSchema(options.to);
  const from = options["from-empty"]
    ? null
    : options.from !== undefined
      ? readSchema(options.from)
      : committedSchema(options.to, options["from-git"] ?? "HEAD");

  if (options.create !== undefined) {
    const diffs = await Promise.all(PROVIDERS.map((provider) => diffSchemas(from, to, provider)));
    const root = path.join(process.cwd(), "prisma", "migrations");
    for (const file of writeMigrations(options.create, diffs, root))
      console.log(`db:diff: wrote ${path.relative(process.cwd(), file)}`);
    return;
  }
  const provider = options.provider ?? schemaProvider(to);
  const diff = await diffSchemas(from, to, provider);
  if (diff.empty) console.error(`db:diff: no difference (${provider})`);
  else process.stdout.write(diff.sql);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`db:diff: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(`db:diff: ${error instanceof DbDiffError ? error.message : String(error)}`);
  process.exit(1);
});
