import "server-only";
import {
  oidcClientSettings,
  parseTeamMap,
  type OidcClientSettings,
  type TeamPlacementConfig,
} from "@/lib/auth/sso-config";
import { getEnv } from "@/server/env";
import { HttpError } from "@/server/http/errors";

export interface SsoSettings {
  client: OidcClientSettings | null;
  teams: TeamPlacementConfig;
  groupsClaim: string;
}

let cached: SsoSettings | undefined;

/**
 * Single sign-on as configured. Throws on a partial OIDC set (see oidcClientSettings), which
 * instrumentation.ts calls at start-up so the server stops with the message.
 */
export function ssoSettings(): SsoSettings {
  if (cached) return cached;
  const env = getEnv();
  const client = oidcClientSettings(env);
  const domains = parseTeamMap(env.OIDC_TEAM_DOMAINS, true);
  const groups = parseTeamMap(env.OIDC_TEAM_GROUPS, false);
  for (const [name, parsed] of [
    ["OIDC_TEAM_DOMAINS", domains],
    ["OIDC_TEAM_GROUPS", groups],
  ] as const)
    if (parsed.invalid.length > 0)
      console.warn(
        `sso: ${name} has pairs that are not key=teamId, skipped: ${parsed.invalid.join(", ")}`,
      );
  cached = {
    client,
    teams: { domains: domains.map, groups: groups.map },
    groupsClaim: env.OIDC_GROUPS_CLAIM,
  };
  return cached;
}

/**
 * Whether email-and-password sign-in (and sign-up, and password reset) is on. AUTH_CREDENTIALS=false
 * leaves an SSO-only organisation, whose people sign in only through their identity provider.
 */
export function credentialsEnabled(): boolean {
  return getEnv().AUTH_CREDENTIALS;
}

/** For the routes that take a password: 403 credentials_disabled when passwords are off. */
export function requireCredentialsEnabled(): void {
  if (!credentialsEnabled())
    throw new HttpError(
      403,
      "credentials_disabled",
      "Passwords are turned off here: you sign in through your organisation's single sign-on.",
    );
}
