import "server-only";
import type { Prisma } from "@/generated/sqlite/client";
import { forgetSignInCounts } from "@/server/auth/login-throttle";
import { forgetRateLimitsOf } from "@/server/http/rate-limit";

/**
 * Drops the sign-in throttle's and the rate limits' counters whose keys name a deleted account's
 * email (failed sign-ins, reset and verification emails asked for). They would otherwise keep the
 * email for up to a day after the account is gone. Counts per address name no one and stay.
 */
export async function forgetEmailCounts(
  tx: Prisma.TransactionClient,
  email: string,
): Promise<void> {
  await forgetSignInCounts(tx, email);
  await forgetRateLimitsOf(tx, `email:${email}`);
}
