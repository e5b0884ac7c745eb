import { describe, expect, it } from "vitest";
import {
  clientAddress,
  lockDurationMs,
  MAX_FAILED_SIGN_INS,
  tooManyAttemptsMessage,
} from "./throttle";

describe("sign-in throttling", () => {
  it("locks at the tenth failure for a minute, doubling after, capped at an hour", () => {
    expect(lockDurationMs(MAX_FAILED_SIGN_INS - 1)).toBe(0);
    expect(lockDurationMs(10)).toBe(60_000);
    expect(lockDurationMs(11)).toBe(120_000);
    expect(lockDurationMs(13)).toBe(480_000);
    expect(lockDurationMs(40)).toBe(3_600_000);
  });

  it("says how long to wait, in whole minutes", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(tooManyAttemptsMessage(new Date(now.getTime() + 61_000), now)).toBe(
      "Too many attempts, try again in 2 minutes.",
    );
    expect(tooManyAttemptsMessage(new Date(now.getTime() + 5_000), now)).toBe(
      "Too many attempts, try again in 1 minute.",
    );
  });

  it("takes the address the nearest trusted hop saw, so a client cannot pick its own", () => {
    expect(clientAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddress("6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddress("6.6.6.6, 198.51.100.1, 10.0.0.2", 1)).toBe("198.51.100.1");
    expect(clientAddress(undefined)).toBe("unknown");
  });
});
