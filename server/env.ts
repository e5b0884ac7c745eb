import "server-only";
import path from "node:path";
import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .default("file:./data/app.db")
    .refine((url) => url.startsWith("file:") || /^postgres(ql)?:\/\//.test(url), {
      message: "DATABASE_URL must be file:<path> (SQLite) or postgresql://... (PostgreSQL)",
    }),
  CONTENT_DIR: z.string().default("content"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** A session ends after this many minutes without a page load. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(120),
  /** A session ends this many hours after sign-in, however active. */
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The validated environment; a bad value stops start-up with a message naming the variable. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${detail}`);
  }
  cached = parsed.data;
  return cached;
}

export type DatabaseKind = "sqlite" | "postgresql";

export function databaseKind(url = getEnv().DATABASE_URL): DatabaseKind {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}

// The paths below come from the environment at run time. turbopackIgnore keeps the bundler from
// tracing the whole project into the server output because it cannot know them at build time.

/** The SQLite file a `file:` URL names, relative to the project root. */
export function sqlitePath(url = getEnv().DATABASE_URL): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), url.slice("file:".length));
}

export function contentRoot(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), getEnv().CONTENT_DIR);
}
