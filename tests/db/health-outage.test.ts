import { describe, expect, it } from "vitest";

describe("GET /api/health when the database is unreachable", () => {
  it("answers 503 with a clear message", async () => {
    // Nothing listens on port 1: every connection is refused at once.
    process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/unreachable";
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: { code: "database_unavailable", message: "The postgresql database is unreachable." },
    });
  });
});
