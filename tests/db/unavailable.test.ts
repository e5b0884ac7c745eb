import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/server/http/route";

describe("isDatabaseUnavailable", () => {
  it("recognises outages from both drivers and Prisma, through the cause chain", () => {
    expect(isDatabaseUnavailable(new Error("connect ECONNREFUSED 127.0.0.1:5432"))).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(
          new Error("Raw query failed. Message: `Can't reach database server at 127.0.0.1:5432`"),
          {},
        ),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        new Error("wrapped", { cause: Object.assign(new Error("x"), { code: "57P01" }) }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error("Unique constraint failed"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
