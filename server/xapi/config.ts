import "server-only";
import { getEnv, type Env } from "@/server/env";

/** Where statements go, and the home page their actors' accounts are on. */
export interface XapiConfig {
  endpoint: string;
  username: string;
  password: string;
  /** NEXTAUTH_URL: the actors' account home page and the base of every activity id. */
  homePage: string;
}

/**
 * The LRS settings, or null when XAPI_ENDPOINT is unset and no statement is recorded. Callers read
 * it once per event and pass it down, so that tests can give their own without getEnv's cache.
 */
export function xapiConfig(
  env: Pick<Env, "XAPI_ENDPOINT" | "XAPI_USERNAME" | "XAPI_PASSWORD"> = getEnv(),
  homePage = process.env.NEXTAUTH_URL ?? "http://localhost:3000",
): XapiConfig | null {
  if (!env.XAPI_ENDPOINT) return null;
  return {
    endpoint: env.XAPI_ENDPOINT,
    username: env.XAPI_USERNAME ?? "",
    password: env.XAPI_PASSWORD ?? "",
    homePage,
  };
}
