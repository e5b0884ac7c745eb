import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { OidcClientSettings } from "@/lib/auth/sso-config";
import { OIDC_PROVIDER } from "./sign-in-with-sso";

type IdTokenClaims = Record<string, unknown> & { sub: string };

/**
 * next-auth's generic OAuth provider, pointed at the IdP's discovery document. PKCE and state guard
 * the redirect: a code stolen from the redirect is useless without the verifier, and a callback
 * the browser did not start is refused. The profile is read from the signed ID token, whose
 * `email_verified` claim decides linking (server/auth/sso/sign-in-with-sso.ts).
 */
export function oidcProvider(settings: OidcClientSettings): OAuthConfig<IdTokenClaims> {
  return {
    id: OIDC_PROVIDER,
    name: settings.name,
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    client: { token_endpoint_auth_method: "client_secret_basic" },
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(claims) {
      return {
        id: claims.sub,
        name: typeof claims.name === "string" ? claims.name : null,
        email: typeof claims.email === "string" ? claims.email.toLowerCase() : null,
      };
    },
  };
}
