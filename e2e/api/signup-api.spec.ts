import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";

const email = () => `new-${randomUUID().slice(0, 8)}@example.com`;

test("[ANONYMOUS] signs up with 201, and a second account for the same email in another case gets 409", async ({
  request,
}) => {
  const address = email();
  const created = await request.post("/api/auth/signup", {
    data: { email: address, password: "a-long-password", name: "Ada" },
  });
  expect(created.status()).toBe(201);
  expect(await created.json()).toEqual({
    id: expect.any(String),
    email: address,
    name: "Ada",
    role: "LEARNER",
  });
  const duplicate = await request.post("/api/auth/signup", {
    data: { email: address.toUpperCase(), password: "a-long-password", name: "Ada" },
  });
  expect(duplicate.status()).toBe(409);
  expect(((await duplicate.json()) as { error: { code: string } }).error.code).toBe("conflict");
});

test("[ANONYMOUS] signup input that breaks a rule gets 422 with a message per field", async ({
  request,
}) => {
  const cases: Array<[Record<string, unknown>, string, RegExp]> = [
    [{ email: email(), password: "short", name: "Ada" }, "password", /at least 10 characters/],
    [{ email: "not-an-email", password: "a-long-password", name: "Ada" }, "email", /valid email/],
    [
      { email: email(), password: "a-long-password", name: "x".repeat(10_000) },
      "name",
      /at most 80/,
    ],
    [{ email: email(), password: "a-long-password" }, "name", /required/],
    [{ email: 42, password: "a-long-password", name: "Ada" }, "email", /required|expected/i],
  ];
  for (const [data, field, message] of cases) {
    const response = await request.post("/api/auth/signup", { data });
    expect(response.status(), JSON.stringify(data).slice(0, 80)).toBe(422);
    const body = (await response.json()) as {
      error: { code: string; fields: Record<string, string[]> };
    };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.fields[field].join(" ")).toMatch(message);
  }
});
