import { describe, expect, it } from "vitest";
import { routedPath } from "./routed-path";

describe("routedPath", () => {
  it.each([
    ["/api/auth/callback/credentials", "/api/auth/callback/credentials"],
    ["/api/./auth/callback/credentials", "/api/auth/callback/credentials"],
    ["/api/x/../auth/callback/credentials", "/api/auth/callback/credentials"],
    ["/api/%2e/auth/signin", "/api/auth/signin"],
    ["/api/%2E%2E/api/auth/signin", "/api/auth/signin"],
    ["/api//auth///csrf", "/api/auth/csrf"],
    ["//api/auth/csrf", "/api/auth/csrf"],
    ["/api\\auth\\csrf", "/api/auth/csrf"],
    ["/api/%61uth/csrf?x=/api/auth", "/api/auth/csrf"],
    ["/lessons/introducci%C3%B3n-a-la-nube#top", "/lessons/introducción-a-la-nube"],
  ])("%s → %s", (url, path) => expect(routedPath(url)).toBe(path));

  it("gives null for a malformed escape", () => {
    expect(routedPath("/lessons/%E0%A4%A")).toBeNull();
    expect(routedPath("/api/%zz")).toBeNull();
  });
});
