import { isIP } from "node:net";

/** Tries allowed per account from one address, and per address across accounts, before a lock. */
export const MAX_FAILED_SIGN_INS = 10;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 60 * 60_000;
const FIRST_DELAY_MS = 250;
const LONGEST_DELAY_MS = 4_000;

/** How long the lock lasts after this many failures: a minute, doubling with each further failure, up to an hour. */
export function lockDurationMs(failures: number): number {
  if (failures < MAX_FAILED_SIGN_INS) return 0;
  return Math.min(LONGEST_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - MAX_FAILED_SIGN_INS));
}

/**
 * How long a sign-in to an account waits after this many failures from anywhere. It slows a flood
 * spread over many addresses but never locks: the owner, on an address of their own, still gets in.
 */
export function slowdownMs(accountFailures: number): number {
  if (accountFailures < MAX_FAILED_SIGN_INS) return 0;
  return Math.min(LONGEST_DELAY_MS, FIRST_DELAY_MS * 2 ** (accountFailures - MAX_FAILED_SIGN_INS));
}

export function tooManyAttemptsMessage(lockedUntil: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/**
 * The value a forwarded header holds as the trusted proxies wrote it: behind `trustedHops` proxies,
 * each of which appends what it saw, the entry that many places from the right. Anything further
 * left came from the client; with no trusted proxy, or fewer entries than proxies, none counts.
 */
export function forwardedValue(
  header: string | undefined,
  trustedHops: number,
): string | undefined {
  if (trustedHops === 0) return undefined;
  const entries = (header ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.length >= trustedHops ? entries[entries.length - trustedHops] : undefined;
}

/**
 * The address of the client, which the client cannot choose: the trusted X-Forwarded-For entry
 * (forwardedValue) when it is an IP address, else the socket's peer. Whatever a client writes
 * there is never stored or keyed on unless it parses as an address.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustedHops: number,
): string {
  const forwarded = forwardedValue(forwardedFor, trustedHops);
  if (forwarded && isIP(forwarded) !== 0) return forwarded;
  return socketAddress ?? "unknown";
}
