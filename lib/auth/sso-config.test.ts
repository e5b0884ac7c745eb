import { describe, expect, it } from "vitest";
import { groupsFromClaim, oidcClientSettings, parseTeamMap, teamsForIdentity } from "./sso-config";

describe("OIDC client settings", () => {
  it("is off when none of the three is set", () => {
    expect(oidcClientSettings({ OIDC_NAME: "single sign-on" })).toBeNull();
  });

  it("reads all three, without the issuer's trailing slash", () => {
    expect(
      oidcClientSettings({
        OIDC_ISSUER: "https://idp.example.com/realms/acme/",
        OIDC_CLIENT_ID: "academy",
        OIDC_CLIENT_SECRET: "s3cret",
        OIDC_NAME: "Acme",
      }),
    ).toEqual({
      issuer: "https://idp.example.com/realms/acme",
      clientId: "academy",
      clientSecret: "s3cret",
      name: "Acme",
    });
  });

  it("refuses a partial set, naming what is missing", () => {
    expect(() =>
      oidcClientSettings({ OIDC_ISSUER: "https://idp.example.com", OIDC_NAME: "x" }),
    ).toThrow(/missing: OIDC_CLIENT_ID, OIDC_CLIENT_SECRET/);
    expect(() =>
      oidcClientSettings({ OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b", OIDC_NAME: "x" }),
    ).toThrow(/missing: OIDC_ISSUER\./);
  });
});

describe("team maps", () => {
  it("reads key=teamId pairs, lower-casing domains but not groups", () => {
    const domains = parseTeamMap(" Example.COM=t1, corp.example=t2 ,", true);
    expect([...domains.map]).toEqual([
      ["example.com", "t1"],
      ["corp.example", "t2"],
    ]);
    expect(domains.invalid).toEqual([]);
    expect([...parseTeamMap("Cloud-Ops=t3", false).map]).toEqual([["Cloud-Ops", "t3"]]);
  });

  it("reports malformed pairs and keeps the rest", () => {
    const parsed = parseTeamMap("nokey,=t1,a=,ok=t2", true);
    expect([...parsed.map]).toEqual([["ok", "t2"]]);
    expect(parsed.invalid).toEqual(["nokey", "=t1", "a="]);
  });

  it("keeps an equals sign inside a group name", () => {
    expect([...parseTeamMap("cn=ops=t9", false).map]).toEqual([["cn=ops", "t9"]]);
  });
});

describe("team placement", () => {
  const config = {
    domains: new Map([["example.com", "dom-team"]]),
    groups: new Map([
      ["ops", "ops-team"],
      ["also-dom", "dom-team"],
    ]),
  };

  it("places by the email's domain, case-insensitively, and by groups, once per team", () => {
    expect(
      teamsForIdentity(config, {
        email: "Ada@EXAMPLE.com",
        emailVerified: true,
        groups: ["ops", "also-dom"],
      }),
    ).toEqual(["dom-team", "ops-team"]);
  });

  it("[ATTACKER] never places by the domain of an email the IdP did not verify", () => {
    expect(
      teamsForIdentity(config, { email: "mallory@example.com", emailVerified: false, groups: [] }),
    ).toEqual([]);
    expect(
      teamsForIdentity(config, {
        email: "mallory@example.com",
        emailVerified: false,
        groups: ["ops"],
      }),
    ).toEqual(["ops-team"]);
  });

  it("places nowhere when nothing matches; a subdomain is another domain", () => {
    expect(
      teamsForIdentity(config, {
        email: "ada@eu.example.com",
        emailVerified: true,
        groups: ["sales"],
      }),
    ).toEqual([]);
  });

  it("reads a groups claim sent as an array or as one string", () => {
    expect(groupsFromClaim(["a", 3, "", "b"])).toEqual(["a", "b"]);
    expect(groupsFromClaim("a")).toEqual(["a"]);
    expect(groupsFromClaim(undefined)).toEqual([]);
  });
});
