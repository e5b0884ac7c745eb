/** Failed sign-ins allowed per account and per client address before a lock. */
export const MAX_FAILED_SIGN_INS = 10;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 60 * 60_000;

/** How long the lock lasts after this many failures: a minute, doubling with each further failure, up to an hour. */
export function lockDurationMs(failures: number): number {
  if (failures < MAX_FAILED_SIGN_INS) return 0;
  return Math.min(LONGEST_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - MAX_FAILED_SIGN_INS));
}

export function tooManyAttemptsMessage(lockedUntil: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/**
 * The client address from X-Forwarded-For. Next.js appends the socket's address as the last entry;
 * with TRUSTED_PROXY_HOPS=n behind n proxies, the address they saw is n entries further left.
 */
export function clientAddress(forwardedFor: string | null | undefined, trustedHops = 0): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  return entries[Math.max(0, entries.length - 1 - trustedHops)] ?? "unknown";
}
