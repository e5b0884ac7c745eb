import "server-only";
import type { Role } from "@/generated/sqlite/enums";
import { forbidden, unauthenticated } from "@/server/http/errors";
import { getCurrentUser, type CurrentUser } from "./current-user";

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
