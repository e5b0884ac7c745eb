import "server-only";
import type { CurrentUser, Role } from "@/lib/contracts/session";
import { forbidden, unauthenticated } from "@/server/http/errors";
import { getCurrentUser } from "./current-user";

/** The signed-in user, or a 401: every route and action that needs a person calls this itself. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw unauthenticated();
  return user;
}

export async function requireRole(...roles: Role[]): Promise<CurrentUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) throw forbidden();
  return user;
}
