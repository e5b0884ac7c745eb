import { describe, expect, it } from "vitest";
import { DeploymentError, resolveDeployment, trustedProxyHops } from "./deployment";

describe("resolveDeployment", () => {
  it("listens on the loopback address only, and calls itself localhost on PORT, by default", () => {
    expect(resolveDeployment({})).toEqual({
      host: "127.0.0.1",
      port: 3000,
      url: "http://localhost:3000",
      local: true,
    });
    expect(resolveDeployment({ PORT: "3101" }).url).toBe("http://localhost:3101");
  });

  it("keeps a localhost NEXTAUTH_URL local, with the demo accounts allowed", () => {
    const deployment = resolveDeployment({ NEXTAUTH_URL: "http://127.0.0.1:4000/", PORT: "4000" });
    expect(deployment).toMatchObject({ host: "127.0.0.1", local: true });
    expect(deployment.url).toBe("http://127.0.0.1:4000");
  });

  it("opens the server to the network, with no demo accounts, for another host", () => {
    expect(resolveDeployment({ NEXTAUTH_URL: "https://academy.example.org" })).toEqual({
      host: "0.0.0.0",
      port: 3000,
      url: "https://academy.example.org",
      local: false,
    });
  });

  it("refuses to listen on the network without NEXTAUTH_URL", () => {
    expect(() => resolveDeployment({ HOST: "0.0.0.0" })).toThrow(DeploymentError);
    expect(() => resolveDeployment({ HOST: "0.0.0.0" })).toThrow(/NEXTAUTH_URL must name/);
  });

  it("refuses a malformed URL or port with a message naming the variable", () => {
    expect(() => resolveDeployment({ NEXTAUTH_URL: "academy" })).toThrow(/NEXTAUTH_URL/);
    expect(() => resolveDeployment({ NEXTAUTH_URL: "ftp://academy.example.org" })).toThrow(
      /NEXTAUTH_URL/,
    );
    expect(() => resolveDeployment({ PORT: "eighty" })).toThrow(/PORT/);
  });
});

describe("trustedProxyHops", () => {
  it("is 0 unless set, and refuses anything but a whole number from 0 to 10", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "2" })).toBe(2);
    for (const bad of ["-1", "11", "1.5", "one"])
      expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: bad })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});
