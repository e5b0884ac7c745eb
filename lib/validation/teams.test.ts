import { describe, expect, it } from "vitest";
import { desiredRetentionSchema } from "./teams";

const teamId = "team_1";
const parse = (desiredRetention: unknown) =>
  desiredRetentionSchema.safeParse({ teamId, desiredRetention });

describe("desiredRetentionSchema", () => {
  it("takes a form's text within 0.70–0.97, to two decimals", () => {
    expect(parse("0.7").data).toEqual({ teamId, desiredRetention: 0.7 });
    expect(parse(" 0.97 ").data).toEqual({ teamId, desiredRetention: 0.97 });
    expect(parse("0.904").data).toEqual({ teamId, desiredRetention: 0.9 });
  });

  it("refuses a value out of bounds, not a number, or none, naming the field", () => {
    for (const value of ["0.69", "0.98", "1", "abc", "", null]) {
      const result = parse(value);
      expect(result.success, String(value)).toBe(false);
      expect(result.error?.issues[0].path).toEqual(["desiredRetention"]);
    }
    expect(parse("0.99").error?.issues[0].message).toBe(
      "Desired retention must be between 0.70 and 0.97",
    );
  });
});
