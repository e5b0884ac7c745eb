import { expect, test } from "@playwright/test";
import { SECOND_URL } from "../../playwright.config";
import { answerAll, attemptSignIn, newAccount, newLearner, signIn } from "../fixtures";

test("[ATTACKER] ten failed sign-ins from one address lock the account there on every instance, even for the right password", async ({
  playwright,
  baseURL,
}) => {
  const { email, password } = await newAccount(playwright.request, baseURL);

  const attacker = await playwright.request.newContext({ baseURL });
  const address = "198.51.100.1";
  for (let i = 0; i < 10; i++) {
    const { status } = await attemptSignIn(attacker, email, `wrong-password-${i}`, address);
    expect(status).toBe(401);
  }
  const locked = await attemptSignIn(attacker, email, password, address);
  expect(locked.error).toMatch(/^Too many attempts, try again in 1 minute\.$/);
  // The count lives in the database: the other instance refuses too.
  const elsewhere = await attemptSignIn(attacker, email, password, address, { base: SECOND_URL });
  expect(elsewhere.error).toMatch(/^Too many attempts/);
  const session = (await (await attacker.get("/api/auth/session")).json()) as { user?: unknown };
  expect(session.user).toBeUndefined();
  await attacker.dispose();
});

test("[ATTACKER] a successful sign-in resets the failure count", async ({
  playwright,
  baseURL,
}) => {
  const context = await playwright.request.newContext({ baseURL });
  const { email, password } = await newLearner(context);
  const address = "192.0.2.10";
  for (let i = 0; i < 9; i++) await attemptSignIn(context, email, "nope-nope-nope", address);
  expect((await attemptSignIn(context, email, password, address)).error).toBeNull();
  for (let i = 0; i < 9; i++) await attemptSignIn(context, email, "nope-nope-nope", address);
  expect((await attemptSignIn(context, email, password, address)).error).toBeNull();
  await context.dispose();
});

test("[ATTACKER] ten failures from one address lock that address for every account", async ({
  playwright,
  baseURL,
}) => {
  const { email, password } = await newAccount(playwright.request, baseURL);
  const attacker = await playwright.request.newContext({ baseURL });
  const address = "192.0.2.77";
  for (let i = 0; i < 10; i++)
    await attemptSignIn(attacker, `nobody-${i}@example.com`, "guess-guess-guess", address);
  expect((await attemptSignIn(attacker, email, password, address)).error).toMatch(
    /^Too many attempts/,
  );
  expect((await attemptSignIn(attacker, email, password, "192.0.2.78")).error).toBeNull();
  await attacker.dispose();
});

test("[HEADERS] every response carries the security headers, and no X-Powered-By", async ({
  request,
}) => {
  const paths = [
    "/",
    "/lessons/aws-iam",
    "/signin",
    "/quiz/aws-iam",
    "/api/health",
    "/api/quizzes",
    "/robots.txt",
    "/no-such-page",
  ];
  test.info().annotations.push({ type: "cases", description: String(paths.length) });
  for (const path of paths) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toContain("default-src 'self'");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["strict-transport-security"], path).toContain("max-age=");
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
  // Pages rendered per request use a fresh nonce instead of 'unsafe-inline'.
  const first = (await request.get("/signin")).headers()["content-security-policy"];
  const second = (await request.get("/signin")).headers()["content-security-policy"];
  expect(first).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(first).not.toContain("unsafe-inline'; style");
  expect(first).not.toBe(second);
});

test("[SESSION] the session cookie is HttpOnly and SameSite=Lax", async ({ request }) => {
  await newLearner(request);
  const cookie = (await request.storageState()).cookies.find((c) =>
    c.name.endsWith("next-auth.session-token"),
  );
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("[SESSION] changing the password ends every old session; the new password works", async ({
  request,
  playwright,
  baseURL,
}) => {
  const { email, password } = await newLearner(request);
  const old = await request.storageState();
  const weak = await request.post("/api/me/password", {
    data: { currentPassword: password, newPassword: "short" },
  });
  expect(weak.status()).toBe(422);
  const wrong = await request.post("/api/me/password", {
    data: { currentPassword: "not-my-password", newPassword: "a-brand-new-password" },
  });
  expect(wrong.status()).toBe(422);
  expect((await request.get("/api/me/progress")).status()).toBe(200);

  const changed = await request.post("/api/me/password", {
    data: { currentPassword: password, newPassword: "a-brand-new-password" },
  });
  expect(changed.status()).toBe(200);
  const replay = await playwright.request.newContext({ baseURL, storageState: old });
  expect((await replay.get("/api/me/progress")).status()).toBe(401);
  await replay.dispose();
  const fresh = await playwright.request.newContext({ baseURL });
  await signIn(fresh, email, "a-brand-new-password");
  expect((await fresh.get("/api/me/progress")).status()).toBe(200);
  await fresh.dispose();
});

test("[EXPORT] a learner downloads all of their own data, and nobody else's", async ({
  request,
  playwright,
  baseURL,
}) => {
  const other = await playwright.request.newContext({ baseURL });
  await newLearner(other, "Someone Else");
  const { attemptId: otherAttempt } = (await (
    await other.post("/api/quizzes/aws-shield/attempts")
  ).json()) as { attemptId: string };
  await other.dispose();

  const { email } = await newLearner(request, "Data Owner");
  const { attemptId, items } = (await (
    await request.post("/api/quizzes/aws-iam/attempts")
  ).json()) as { attemptId: string; items: Array<{ id: string; options: Array<{ key: string }> }> };
  await request.post(`/api/attempts/${attemptId}/submit`, {
    data: { answers: answerAll(items, "CUSTOMER") },
  });
  const response = await request.get("/api/me/export");
  expect(response.headers()["content-disposition"]).toContain("attachment");
  const text = await response.text();
  const data = JSON.parse(text) as {
    profile: { email: string };
    attempts: Array<{ id: string; answers: unknown[] }>;
    reviewCards: unknown[];
  };
  expect(data.profile.email).toBe(email);
  expect(data.attempts.map((a) => a.id)).toEqual([attemptId]);
  expect(data.attempts[0].answers).toHaveLength(items.length);
  expect(data.reviewCards).toHaveLength(items.length);
  expect(text).not.toContain(otherAttempt);
  expect(text).not.toMatch(/passwordHash|\$argon2/);
  expect(
    (
      await playwright.request.newContext({ baseURL }).then((c) => c.get("/api/me/export"))
    ).status(),
  ).toBe(401);
});
