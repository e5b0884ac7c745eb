import { afterEach, describe, expect, it, vi } from "vitest";
import { authLogger } from "./auth-logger";

afterEach(() => vi.restoreAllMocks());

describe("next-auth's logger", () => {
  it("[LOGS] a bad session cookie logs one line, not a stack trace", () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(" "));
    });
    const decodeFailure = new Error("Invalid Compact JWE");
    authLogger.error!("JWT_SESSION_ERROR", {
      error: decodeFailure,
      message: decodeFailure.message,
    });
    authLogger.error!("JWT_SESSION_ERROR", decodeFailure);
    expect(lines).toEqual([
      "next-auth: JWT_SESSION_ERROR: Invalid Compact JWE",
      "next-auth: JWT_SESSION_ERROR: Invalid Compact JWE",
    ]);
    expect(lines.join("\n")).not.toMatch(/\n\s+at /);
  });
});
