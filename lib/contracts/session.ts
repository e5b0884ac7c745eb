export const ROLES = ["LEARNER", "INSTRUCTOR", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

/**
 * The signed-in user, as the server reads it on every request and as `GET /api/auth/session` hands
 * it to the browser's islands.
 */
export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}
