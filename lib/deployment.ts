/**
 * Where the app listens and what URL it calls itself, from the environment. A server nobody else can
 * reach (NEXTAUTH_URL unset or naming localhost) listens on the loopback address only and may carry
 * the demo accounts, whose password is published in the README. Naming another host in NEXTAUTH_URL
 * opens the server to the network, and then no demo account may exist.
 */
export interface Deployment {
  /** The address to bind. */
  host: string;
  port: number;
  /** The site's own URL, for next-auth's redirects and callbacks. */
  url: string;
  /** True while only this machine can reach the server: the demo accounts are allowed. */
  local: boolean;
}

export class DeploymentError extends Error {}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

export function resolveDeployment(env: {
  NEXTAUTH_URL?: string;
  PORT?: string;
  HOST?: string;
}): Deployment {
  const port = Number(env.PORT || 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new DeploymentError(`PORT must be a port number, not "${env.PORT}".`);
  const host = env.HOST || undefined;

  if (!env.NEXTAUTH_URL) {
    if (host && !isLoopbackHost(host))
      throw new DeploymentError(
        `HOST=${host} opens the server to the network, so NEXTAUTH_URL must name the address ` +
          "users reach it on, for example NEXTAUTH_URL=https://academy.example.org.",
      );
    // Derived from PORT, so that sign-out and callbacks come back to this server on any port.
    return {
      host: host ?? "127.0.0.1",
      port,
      url: `http://localhost:${port}`,
      local: true,
    };
  }

  let url: URL;
  try {
    url = new URL(env.NEXTAUTH_URL);
  } catch {
    throw new DeploymentError(`NEXTAUTH_URL must be a URL, not "${env.NEXTAUTH_URL}".`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new DeploymentError("NEXTAUTH_URL must start with https:// (or http:// on localhost).");
  const local = isLoopbackHost(url.hostname);
  return {
    host: host ?? (local ? "127.0.0.1" : "0.0.0.0"),
    port,
    url: url.origin,
    local,
  };
}

/** How many proxies in front of the app append to X-Forwarded-For and are trusted to (0 to 10). */
export function trustedProxyHops(env: Readonly<Record<string, string | undefined>>): number {
  const hops = Number(env.TRUSTED_PROXY_HOPS || 0);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10)
    throw new DeploymentError(
      `TRUSTED_PROXY_HOPS must be a whole number from 0 to 10, not "${env.TRUSTED_PROXY_HOPS}".`,
    );
  return hops;
}
