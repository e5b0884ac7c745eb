import { describe, expect, it } from "vitest";
import { safeCallbackUrl, safeRedirectUrl } from "./safe-callback";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeCallbackUrl("/quiz/aws-shared-responsibility-model")).toBe(
      "/quiz/aws-shared-responsibility-model",
    );
    expect(safeCallbackUrl("/lessons?tag=iam#top")).toBe("/lessons?tag=iam#top");
  });

  it.each([
    "/\t/evil.example/x",
    "/\n/evil.example/x",
    "/\r/evil.example/x",
    "/\\evil.example/x",
    "/\\/evil.example",
    "//evil.example/x",
    "/.//evil.example",
    "/lessons/../..//evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "lessons",
    "",
    null,
    undefined,
  ])("refuses %j", (value) => {
    expect(safeCallbackUrl(value)).toBe("/lessons");
  });

  it("uses the fallback it is given", () => {
    expect(safeCallbackUrl("//evil.example", "/progress")).toBe("/progress");
  });
});

describe("safeRedirectUrl", () => {
  const base = "http://localhost:3210";

  it("keeps a path or an address on the site", () => {
    expect(safeRedirectUrl("/?deleted=1", base)).toBe(`${base}/?deleted=1`);
    expect(safeRedirectUrl(`${base}/lessons?tag=iam#top`, base)).toBe(
      `${base}/lessons?tag=iam#top`,
    );
  });

  it.each([
    "nonsense",
    "%ZZ",
    "http://[::1",
    "http://",
    "",
    "javascript:alert(1)",
    "https://evil.example/steal",
    "http://localhost:3211/",
    "https://localhost:3210/",
    "https://localhost@evil.example/",
    "//evil.example/steal",
    "/\\evil.example/steal",
    "/\t/evil.example/steal",
    `${base}//evil.example/steal`,
  ])("sends %j to the home page, never off the site", (value) => {
    expect(safeRedirectUrl(value, base)).toBe(`${base}/`);
  });
});
