import "server-only";
import type { LoggerInstance } from "next-auth";

/** The first line of what next-auth reports: its metadata is an Error, or an object holding one. */
function summary(metadata: unknown): string {
  const error =
    metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
  const message =
    error instanceof Error
      ? error.message
      : ((metadata as { message?: unknown } | undefined)?.message ?? "");
  return String(message).split("\n")[0];
}

/**
 * next-auth's logger, one line per event. Its default prints a stack trace for every bad or expired
 * session cookie, which anyone can send: a log a stranger can fill with stacks hides real failures.
 */
export const authLogger: Partial<LoggerInstance> = {
  error(code, metadata) {
    console.error(`next-auth: ${code}${summary(metadata) ? `: ${summary(metadata)}` : ""}`);
  },
  warn(code) {
    console.warn(`next-auth: ${code}`);
  },
  debug() {},
};
