/**
 * What the sign-in page says for the `?error=` next-auth (or our SSO sign-in) sends it back with.
 * Codes from the SSO refusals are ours (server/auth/sso/); the rest are next-auth's.
 */
export const SSO_REFUSALS = {
  /** An unverified email claim matched an existing account: linking would hand it over. */
  unverifiedEmail: "SsoEmailNotVerified",
  /** The identity belongs to a deleted account. */
  deleted: "SsoAccountDeleted",
  /** The IdP sent no usable email. */
  noEmail: "SsoNoEmail",
  /** REQUIRE_EMAIL_VERIFICATION is on and the IdP did not verify the email. */
  verificationRequired: "SsoVerificationRequired",
  /** An admin blocked this identity when deleting its account (BlockedIdentity). */
  blocked: "SsoIdentityBlocked",
} as const;

export function signInErrorMessage(code: string | undefined, idpName: string): string | null {
  switch (code) {
    case undefined:
    case "":
      return null;
    case "access_denied":
      return `Sign-in with ${idpName} was cancelled: consent was refused, so you are not signed in.`;
    case SSO_REFUSALS.unverifiedEmail:
      return (
        `${idpName} has not verified your email address, and an account with it already exists here. ` +
        `To protect that account, it is not linked. Verify your email with ${idpName}, or sign in ` +
        `with your password.`
      );
    case SSO_REFUSALS.deleted:
      return "This account was deleted and can no longer sign in.";
    case SSO_REFUSALS.blocked:
      return (
        `An administrator here has withdrawn your access through ${idpName}, so no account is ` +
        `made for you. If that is a mistake, ask them to lift the block.`
      );
    case SSO_REFUSALS.noEmail:
      return `${idpName} did not share your email address, which an account here needs.`;
    case SSO_REFUSALS.verificationRequired:
      return `${idpName} has not verified your email address, and this site requires a verified one.`;
    case "OAuthSignin":
    case "OAuthCallback":
    case "Callback":
      return `Sign-in with ${idpName} did not complete. Try again.`;
    default:
      return "Please sign in again.";
  }
}
