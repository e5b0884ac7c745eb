import "server-only";
import { cookies } from "next/headers";

/** The cookie a Playwright journey sets to move the server's clock for its own requests. */
export const TEST_CLOCK_COOKIE = "test-now";

/**
 * The time a request is served at: now, unless the server was started with TEST_CLOCK=1 (only the
 * Playwright web server is) and the request carries a `test-now` cookie with an ISO date. Per
 * request, so that journeys running side by side against one server each keep their own clock.
 * Only what is read is moved (due, overdue, when answers are shown); what is written keeps the real
 * time.
 */
export async function requestTime(): Promise<Date> {
  if (process.env.TEST_CLOCK !== "1") return new Date();
  const value = (await cookies()).get(TEST_CLOCK_COOKIE)?.value;
  const moved = value ? new Date(value) : null;
  return moved && !Number.isNaN(moved.getTime()) ? moved : new Date();
}
