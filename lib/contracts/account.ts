import type { Role } from "./session";

/** `POST /api/auth/signup`: the new account. */
export interface SignedUp {
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
