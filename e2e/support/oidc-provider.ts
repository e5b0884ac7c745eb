import { once } from "node:events";
import type { Server } from "node:http";
import { BASE_PORT, BASE_URL, OIDC_ISSUER } from "../../playwright.config";

/** A person at the test identity provider: their ID token carries these claims. */
export interface IdpAccount {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
  groups?: string[];
}

/** The e2e client, as scripts/e2e-server.sh configures the app (OIDC_CLIENT_ID, OIDC_CLIENT_SECRET). */
export const OIDC_CLIENT = { id: "e2e-app", secret: "e2e-only-client-secret" };

/** The port of the SSO-only app instance e2e/sso.spec.ts starts (extra-server offset 43). */
export const SSO_ONLY_OFFSET = 43;

/**
 * A real OpenID Connect provider (the `oidc-provider` package) in this process, on the port
 * OIDC_ISSUER names. Its login and consent pages are the package's development interactions: any
 * password signs in as the account named by the login, and "[ Cancel ]" refuses consent, which
 * sends `error=access_denied` back to the app. Accounts are added by the tests as they need them.
 */
export async function startOidcProvider(port = Number(new URL(OIDC_ISSUER).port)) {
  // oidc-provider is ESM-only; Playwright compiles specs to CommonJS, so import it at run time.
  const { default: Provider } = await import("oidc-provider");
  const accounts = new Map<string, IdpAccount>();
  /** The query of every authorization request, to check what the app sent (PKCE, state). */
  const authorizationRequests: URLSearchParams[] = [];
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [
          `${BASE_URL}/api/auth/callback/oidc`,
          `http://localhost:${BASE_PORT + SSO_ONLY_OFFSET}/api/auth/callback/oidc`,
        ],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    // Every client must use PKCE, confidential or not: the app must send a code_challenge.
    pkce: { required: () => true },
    // The app reads the person from the ID token (next-auth idToken: true), so the claims go there.
    conformIdTokenClaims: false,
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "groups"],
    },
    cookies: { keys: ["e2e-only-idp-cookie-key"] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ ...account }) };
    },
  });
  provider.use(async (ctx, next) => {
    if (ctx.path === "/auth") authorizationRequests.push(new URLSearchParams(ctx.querystring));
    await next();
  });
  const server: Server = provider.listen(port, "127.0.0.1");
  await once(server, "listening");
  return {
    issuer,
    authorizationRequests,
    addAccount(account: IdpAccount) {
      accounts.set(account.sub, account);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type OidcProviderHandle = Awaited<ReturnType<typeof startOidcProvider>>;
