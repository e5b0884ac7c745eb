import { describe, expect, it } from "vitest";
import { signInErrorMessage, SSO_REFUSALS } from "./sign-in-errors";

describe("sign-in error messages", () => {
  it("says nothing without an error", () => {
    expect(signInErrorMessage(undefined, "Acme")).toBeNull();
  });

  it("names the IdP for a refused consent and an unverified email", () => {
    expect(signInErrorMessage("access_denied", "Acme")).toMatch(/Acme was cancelled/);
    expect(signInErrorMessage(SSO_REFUSALS.unverifiedEmail, "Acme")).toMatch(
      /Acme has not verified your email/,
    );
  });

  it("falls back to a plain request for an unknown code", () => {
    expect(signInErrorMessage("<script>", "Acme")).toBe("Please sign in again.");
  });
});
