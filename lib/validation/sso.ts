import { z } from "zod";
import { groupsFromClaim } from "@/lib/auth/sso-config";

/**
 * The ID token claims sign-in reads. `email_verified` is true only when the IdP says so as a boolean
 * (or the string "true" some send): anything else counts as unverified, since linking rests on it.
 */
export const ssoClaimsSchema = z.object({
  sub: z.string().min(1).max(255),
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email())
    .transform((value) => value.toLowerCase())
    .optional()
    .catch(undefined),
  email_verified: z
    .unknown()
    .transform((value) => value === true || value === "true")
    .optional(),
  name: z.string().trim().max(80).optional().catch(undefined),
  preferred_username: z.string().trim().max(80).optional().catch(undefined),
});

export interface SsoIdentity {
  sub: string;
  email: string | undefined;
  emailVerified: boolean;
  name: string;
  groups: string[];
}

/** The identity in an ID token's claims, or null when they lack a subject. */
export function ssoIdentityFromClaims(claims: unknown, groupsClaim: string): SsoIdentity | null {
  const parsed = ssoClaimsSchema.safeParse(claims);
  if (!parsed.success) return null;
  const { sub, email, email_verified, name, preferred_username } = parsed.data;
  const record = claims as Record<string, unknown>;
  return {
    sub,
    email,
    emailVerified: email_verified ?? false,
    // A display name is required here; the IdP's, else its user name, else the email's local part.
    name: name || preferred_username || email?.split("@")[0] || "Learner",
    groups: groupsFromClaim(record[groupsClaim]),
  };
}
