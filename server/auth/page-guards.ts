import "server-only";
import { notFound, redirect } from "next/navigation";
import type { CurrentUser, Role } from "@/lib/contracts/session";
import { HttpError } from "@/server/http/errors";
import { getCurrentUser } from "./current-user";

/**
 * The signed-in user, or a redirect to sign in and come back to `path`: what requireUser() is to a
 * route, for a page. `path` is the page's own path (with its query, when that matters).
 */
export async function requirePageUser(path: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  return user;
}

/**
 * The signed-in user when they hold one of `roles`; anyone else signed in gets the 404 page, so that
 * a page for admins does not even say it exists.
 */
export async function requirePageRole(path: string, ...roles: Role[]): Promise<CurrentUser> {
  const user = await requirePageUser(path);
  if (!roles.includes(user.role)) notFound();
  return user;
}

/**
 * A server function's result, with its "not found" shown as the 404 page. Pass 403 too where the
 * function checks the user's rights over one object (a team): a page does not say what exists.
 */
export async function orNotFound<T>(work: Promise<T>, statuses: number[] = [404]): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof HttpError && statuses.includes(error.status)) notFound();
    throw error;
  }
}
