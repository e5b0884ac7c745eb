import { expect, test } from "@playwright/test";
import { newAccount } from "../fixtures";

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string[]> } };

test("[VISITOR] asking for a reset answers 202 with the same body whether the account exists or not", async ({
  request,
  playwright,
  baseURL,
}) => {
  const account = await newAccount(playwright.request, baseURL);
  const known = await request.post("/api/auth/password-reset", {
    data: { email: account.email },
    headers: { "x-forwarded-for": "100.64.251.1" },
  });
  const unknown = await request.post("/api/auth/password-reset", {
    data: { email: "no-account-here@example.com" },
    headers: { "x-forwarded-for": "100.64.251.1" },
  });
  expect(known.status()).toBe(202);
  expect(unknown.status()).toBe(202);
  expect(await unknown.text()).toBe(await known.text());
  expect(await known.json()).toEqual({
    accepted: true,
    message: expect.stringContaining("If an account has this email"),
  });
});

test("[VISITOR] a malformed email, a weak password and a made-up token are refused clearly", async ({
  request,
}) => {
  const badEmail = await request.post("/api/auth/password-reset", { data: { email: "nope" } });
  expect(badEmail.status()).toBe(422);
  expect(((await badEmail.json()) as ErrorBody).error.fields?.email).toBeDefined();

  const weak = await request.post("/api/auth/password-reset/confirm", {
    data: { token: "A".repeat(43), password: "short" },
  });
  expect(weak.status()).toBe(422);
  expect(((await weak.json()) as ErrorBody).error.fields?.password?.[0]).toContain(
    "at least 10 characters",
  );

  const madeUp = await request.post("/api/auth/password-reset/confirm", {
    data: { token: "A".repeat(43), password: "long-enough-password" },
  });
  expect(madeUp.status()).toBe(400);
  expect(((await madeUp.json()) as ErrorBody).error).toEqual({
    code: "invalid_token",
    message: "This reset link has expired or has already been used. Ask for a new one.",
  });
});

test("[ATTACKER] asking for resets of one inbox again and again is rate-limited", async ({
  request,
}) => {
  const email = "flooded-inbox@example.com";
  const ask = async (address: string) =>
    (
      await request.post("/api/auth/password-reset", {
        data: { email },
        headers: { "x-forwarded-for": address },
      })
    ).status();
  // From one address: five, then refused.
  const fromOne: number[] = [];
  for (let i = 0; i < 7; i++) fromOne.push(await ask("100.64.251.1"));
  expect(fromOne).toEqual([202, 202, 202, 202, 202, 429, 429]);
  // From a new address each time: the ceiling per email holds across addresses (20 in all).
  const spread: number[] = [];
  for (let i = 0; i < 17; i++) spread.push(await ask(`100.64.252.${i + 1}`));
  expect(spread.slice(0, 15)).toEqual(Array(15).fill(202));
  expect(spread.slice(15)).toEqual([429, 429]);
});
