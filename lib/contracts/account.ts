import type { Role } from "./session";

/**
 * `POST /api/auth/signup`: the account, or, when email verification is required, only what was
 * asked for and `verifyEmail`: the answer is the same whether the email was free or taken (the
 * owner of a taken one is mailed instead), so it says nothing about who has an account.
 */
export type SignedUp = CreatedAccount | { email: string; name: string; verifyEmail: true };

export interface CreatedAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** `POST /api/me/password`: the password is changed and every session of the user has ended. */
export interface PasswordChanged {
  changed: true;
  signedOut: true;
}

/** `GET /api/admin/users`. */
export interface UserRecord {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: string;
  lastActiveAt: string | null;
}

/** `PATCH /api/admin/users/<id>`. */
export interface RoleChanged {
  id: string;
  email: string;
  role: Role;
}

/** `POST /api/auth/password-reset`: the same answer whether an account has that email or not. */
export interface PasswordResetRequested {
  accepted: true;
  message: string;
}

/** `POST /api/auth/password-reset/confirm`: the new password is set and every session has ended. */
export interface PasswordResetDone {
  reset: true;
  signedOut: true;
}

/** `POST /api/admin/users/<id>/reset-link`: shown once; only its hash is kept. */
export interface ResetLinkCreated {
  url: string;
  /** ISO 8601. */
  expiresAt: string;
}

/** One entry of `GET /api/admin/blocked-identities`: an IdP identity refused at sign-in. */
export interface BlockedIdentityRecord {
  id: string;
  provider: string;
  /** The IdP's stable id for the person (`sub`); no email is kept. */
  subject: string;
  /** ISO 8601. */
  createdAt: string;
  createdById: string | null;
}
