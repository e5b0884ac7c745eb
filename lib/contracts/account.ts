import type { Role } from "./session";

/** `POST /api/auth/signup`: the new account. */
export interface SignedUp {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Present when the account signs in only after its email is confirmed: a link is on its way. */
  verifyEmail?: true;
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
