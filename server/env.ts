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

  // Single sign-on (README, "For organisations"). All three of issuer, client id and secret, or none.
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The sign-in button's label: "Sign in with <OIDC_NAME>". */
  OIDC_NAME: z.string().min(1).default("single sign-on"),
  /** Team placement at first sign-in: `domain=teamId` pairs, comma-separated. */
  OIDC_TEAM_DOMAINS: z.string().default(""),
  /** Team placement at first sign-in: `group=teamId` pairs, comma-separated. */
  OIDC_TEAM_GROUPS: z.string().default(""),
  /** The ID token claim that lists the user's groups. */
  OIDC_GROUPS_CLAIM: z.string().min(1).default("groups"),
  /** false turns email-and-password sign-in (and sign-up) off, for SSO-only organisations. */
  AUTH_CREDENTIALS: z.stringbool().default(true),

  // Email.
  /** smtp://user:pass@host:port or smtps://…; without it, email features say they are off. */
  SMTP_URL: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(1).default("Cloud Responsibility <no-reply@localhost>"),
  /** true: a new account signs in only once its email address is verified by a link. */
  REQUIRE_EMAIL_VERIFICATION: z.stringbool().default(false),

  // Data rights.
  /** Accounts inactive longer than this many days are deleted by the retention job; unset: never. */
  RETENTION_INACTIVE_DAYS: z.coerce.number().int().min(1).optional(),
  /** Audit entries older than this many days lose their client address (the retention job). */
  AUDIT_ADDRESS_DAYS: z.coerce.number().int().min(1).default(90),

  // xAPI learning records.
  /** The LRS's xAPI endpoint, e.g. https://lrs.example.com/xapi/; unset: no statements are sent. */
  XAPI_ENDPOINT: z.url().optional(),
  XAPI_USERNAME: z.string().optional(),
  XAPI_PASSWORD: z.string().optional(),
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
