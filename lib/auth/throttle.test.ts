import { describe, expect, it } from "vitest";
import {
  clientAddress,
  forwardedValue,
  lockDurationMs,
  MAX_FAILED_SIGN_INS,
  slowdownMs,
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

  it("slows an account down after ten failures from anywhere, within seconds, never a lock", () => {
    expect(slowdownMs(9)).toBe(0);
    expect(slowdownMs(10)).toBe(250);
    expect(slowdownMs(12)).toBe(1_000);
    expect(slowdownMs(1_000)).toBe(4_000);
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
});

describe("the client address", () => {
  it("is the socket's peer when no proxy is trusted, whatever the client sends", () => {
    expect(clientAddress("203.0.113.9", undefined, 0)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9", "6.6.6.6", 0)).toBe("203.0.113.9");
    expect(clientAddress(undefined, "6.6.6.6", 0)).toBe("unknown");
  });

  it("is the entry the nearest trusted proxies saw, counted from the right", () => {
    // client 198.51.100.1 → proxy 10.0.0.2 → proxy 10.0.0.3 → app; the client sent 6.6.6.6 itself
    expect(clientAddress("10.0.0.3", "6.6.6.6, 198.51.100.1, 10.0.0.2", 2)).toBe("198.51.100.1");
    expect(clientAddress("10.0.0.2", "6.6.6.6, 198.51.100.1", 1)).toBe("198.51.100.1");
  });

  it("falls back to the socket when the request did not come through every proxy", () => {
    expect(clientAddress("198.51.100.7", "6.6.6.6", 2)).toBe("198.51.100.7");
    expect(clientAddress("198.51.100.7", undefined, 1)).toBe("198.51.100.7");
  });

  it("is never a string the client wrote that is not an address", () => {
    for (const junk of ["<script>", "' OR 1=1 --", "x".repeat(500), "999.1.1.1", "evil.example"]) {
      expect(clientAddress("198.51.100.7", junk, 1)).toBe("198.51.100.7");
    }
    expect(clientAddress("10.0.0.2", "2001:db8::1", 1)).toBe("2001:db8::1");
  });
});

describe("a forwarded host", () => {
  it("counts only as the trusted proxies wrote it", () => {
    expect(forwardedValue("evil.example", 0)).toBeUndefined();
    expect(forwardedValue("evil.example, app.example", 1)).toBe("app.example");
    expect(forwardedValue("app.example", 2)).toBeUndefined();
    expect(forwardedValue(undefined, 1)).toBeUndefined();
  });
});
