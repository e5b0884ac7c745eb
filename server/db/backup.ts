import "server-only";
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { databaseKind, sqlitePath } from "@/server/env";

/**
 * A consistent copy of the database while the app keeps running: SQLite's online backup API, which
 * copies a snapshot page by page without stopping writers, or pg_dump's custom format.
 */
export async function backupDatabase(url: string, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (databaseKind(url) === "sqlite") {
    const db = new Database(sqlitePath(url), { readonly: true, fileMustExist: true });
    try {
      await db.backup(file);
    } finally {
      db.close();
    }
    return;
  }
  execFileSync("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, url], {
    stdio: ["ignore", "inherit", "inherit"],
  });
}

/** Replaces the database's contents with a backup. Stop the app first: this is not an online operation. */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`No backup at ${file}`);
  if (databaseKind(url) === "sqlite") {
    const target = sqlitePath(url);
    const source = new Database(file, { readonly: true, fileMustExist: true });
    try {
      // Restoring through the backup API writes a consistent file and its WAL state in one go.
      await source.backup(target);
    } finally {
      source.close();
    }
    return;
  }
  execFileSync(
    "pg_restore",
    ["--clean", "--if-exists", "--no-owner", "--single-transaction", `--dbname=${url}`, file],
    {
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
}
