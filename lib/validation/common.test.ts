import { describe, expect, it } from "vitest";
import { idSchema, plainText } from "./common";

describe("edge validation", () => {
  it("accepts the app's ids and refuses anything else, NUL bytes included", () => {
    expect(idSchema.safeParse("0c5a9f7e-1b2c-4d3e-8f90-a1b2c3d4e5f6").success).toBe(true);
    expect(idSchema.safeParse("cmwzk9chg0000dj7d04wrlrfy").success).toBe(true);
    for (const bad of ["", "\u0000", "a\u0000b", "x".repeat(65), "../etc", "a b", 42])
      expect(idSchema.safeParse(bad).success).toBe(false);
  });

  it("trims typed text and refuses control characters", () => {
    const name = plainText("Name", 10);
    expect(name.parse("  Ada  ")).toBe("Ada");
    expect(name.safeParse("Ad\u0000a").success).toBe(false);
    for (const hidden of ["\u202e", "\u2066", "\u200b", "\u200d", "\ufeff", "\u200f"])
      expect(name.safeParse(`Ad${hidden}a`).error?.issues[0].message).toBe(
        "Name must not contain invisible or text-direction characters",
      );
    expect(name.parse("Zoë Ñúñez")).toBe("Zoë Ñúñez");
    expect(name.safeParse("   ").error?.issues[0].message).toBe("Name is required");
    expect(name.safeParse("x".repeat(11)).error?.issues[0].message).toBe(
      "Name must be at most 10 characters",
    );
  });
});
