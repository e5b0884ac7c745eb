import { describe, expect, it } from "vitest";
import { ssoIdentityFromClaims } from "./sso";

describe("SSO identity from claims", () => {
  it("lower-cases the email and reads groups from the configured claim", () => {
    expect(
      ssoIdentityFromClaims(
        { sub: "u1", email: "Ada@Example.COM", email_verified: true, name: "Ada", roles: ["ops"] },
        "roles",
      ),
    ).toEqual({
      sub: "u1",
      email: "ada@example.com",
      emailVerified: true,
      name: "Ada",
      groups: ["ops"],
    });
  });

  it("counts anything but true as unverified", () => {
    for (const value of [false, undefined, "yes", 1, null])
      expect(
        ssoIdentityFromClaims({ sub: "u", email: "a@b.co", email_verified: value }, "groups")
          ?.emailVerified,
      ).toBe(false);
  });

  it("needs a subject, but not an email", () => {
    expect(ssoIdentityFromClaims({ email: "a@b.co" }, "groups")).toBeNull();
    expect(ssoIdentityFromClaims({ sub: "u", email: "not an email" }, "groups")).toMatchObject({
      email: undefined,
      name: "Learner",
    });
  });
});
