import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback";

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
