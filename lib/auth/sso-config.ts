/**
 * Single sign-on settings, read from the environment's strings. Pure, so that the rules (all three
 * OIDC variables or none; `key=teamId` maps) are tested without a server.
 */

export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The identity provider's name, for the button: "Sign in with <name>". */
  name: string;
}

const REQUIRED = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;

type OidcEnv = Partial<Record<(typeof REQUIRED)[number], string>> & { OIDC_NAME: string };

/**
 * The OIDC client, or null when single sign-on is off. A partial set is a mistake an operator must
 * see at start-up, not a sign-in button that fails later, so it throws naming what is missing.
 */
export function oidcClientSettings(env: OidcEnv): OidcClientSettings | null {
  const missing = REQUIRED.filter((key) => !env[key]);
  if (missing.length === REQUIRED.length) return null;
  if (missing.length > 0)
    throw new Error(
      `Single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together; ` +
        `missing: ${missing.join(", ")}. Set them all, or none to turn single sign-on off.`,
    );
  return {
    issuer: env.OIDC_ISSUER!.replace(/\/+$/, ""),
    clientId: env.OIDC_CLIENT_ID!,
    clientSecret: env.OIDC_CLIENT_SECRET!,
    name: env.OIDC_NAME,
  };
}

/** A `key=teamId` map from configuration, and the pairs it could not read. */
export interface TeamMap {
  map: Map<string, string>;
  invalid: string[];
}

/**
 * Parses `key=teamId,key=teamId`. Keys are compared lower-cased when `lowerCaseKeys` (domains);
 * group names are kept as the IdP sends them. A malformed pair is reported, not fatal: the others
 * still place people.
 */
export function parseTeamMap(text: string, lowerCaseKeys: boolean): TeamMap {
  const map = new Map<string, string>();
  const invalid: string[] = [];
  for (const raw of text.split(",")) {
    const pair = raw.trim();
    if (!pair) continue;
    const at = pair.lastIndexOf("=");
    const key = at > 0 ? pair.slice(0, at).trim() : "";
    const teamId = at > 0 ? pair.slice(at + 1).trim() : "";
    if (!key || !teamId) {
      invalid.push(pair);
      continue;
    }
    map.set(lowerCaseKeys ? key.toLowerCase() : key, teamId);
  }
  return { map, invalid };
}

export interface TeamPlacementConfig {
  domains: Map<string, string>;
  groups: Map<string, string>;
}

/** The groups claim as a list: IdPs send an array, and some a single string for one group. */
export function groupsFromClaim(value: unknown): string[] {
  if (typeof value === "string") return value ? [value] : [];
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === "string" && !!g);
  return [];
}

/**
 * The teams an identity is placed in: by its email's domain, then by each of its groups. The domain
 * counts only when the IdP verified the email: an address anyone can type must not open a team.
 */
export function teamsForIdentity(
  config: TeamPlacementConfig,
  identity: { email: string; emailVerified: boolean; groups: string[] },
): string[] {
  const teamIds = new Set<string>();
  const domain = identity.email.split("@").pop()?.toLowerCase() ?? "";
  const byDomain = identity.emailVerified ? config.domains.get(domain) : undefined;
  if (byDomain) teamIds.add(byDomain);
  for (const group of identity.groups) {
    const byGroup = config.groups.get(group);
    if (byGroup) teamIds.add(byGroup);
  }
  return [...teamIds];
}
