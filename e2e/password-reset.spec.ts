import { expect, test, type APIRequestContext } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { BASE_PORT, SMTP_PORT } from "../playwright.config";
import { attemptSignIn, newAccount, signIn } from "./fixtures";
import { startExtraServer } from "./support/extra-server";
import { linkIn, startMailbox, type Mailbox } from "./support/mailbox";

// Every test here reads mail from one in-process SMTP server on SMTP_PORT, where the app servers
// send (scripts/e2e-server.sh): one file, one mailbox, one test at a time.
test.describe.configure({ mode: "serial" });

let mailbox: Mailbox;

test.beforeAll(async () => {
  mailbox = await startMailbox(SMTP_PORT);
});

test.afterAll(async () => {
  await mailbox.stop();
});

/** Asks for a reset for `email` through the API and returns the token the mail's link carries. */
async function emailedToken(request: APIRequestContext, email: string): Promise<string> {
  const asked = await request.post("/api/auth/password-reset", { data: { email } });
  expect(asked.status()).toBe(202);
  const link = new URL(linkIn(await mailbox.waitFor(email), "/reset-password"));
  return link.searchParams.get("token")!;
}

test("[LEARNER] resets a forgotten password from the emailed link, and every other session ends", async ({
  page,
  playwright,
  baseURL,
}) => {
  const account = await newAccount(playwright.request, baseURL);
  const elsewhere = await playwright.request.newContext({ baseURL });
  await signIn(elsewhere, account.email, account.password);
  expect((await elsewhere.get("/api/me/progress")).status()).toBe(200);

  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(account.email.toUpperCase());
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByText("If an account has this email")).toBeVisible();

  const mail = await mailbox.waitFor(account.email);
  expect(mail.subject).toBe("Reset your Cloud Responsibility password");
  expect(mail.from?.text).toContain("no-reply@example.com");
  const link = linkIn(mail, "/reset-password");
  expect(link.startsWith(`${baseURL}/reset-password?token=`)).toBe(true);

  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("a-brand-new-password");
  await page.getByLabel("Confirm new password").fill("not-the-same-password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("The two passwords are not the same.")).toBeVisible();
  await page.getByLabel("Confirm new password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Your password is changed")).toBeVisible();

  // The session from before the reset is over.
  expect((await elsewhere.get("/api/me/progress")).status()).toBe(401);
  await elsewhere.dispose();

  await page.getByRole("link", { name: "Sign in with your new password" }).click();
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Email or password is not right" }),
  ).toBeVisible();
  await page.getByLabel("Password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/lessons$/);
  await page.goto("/account");
  await expect(page.getByText(account.email)).toBeVisible();
});

test("[RESET] a reset token works once: reusing it is refused", async ({
  request,
  playwright,
  baseURL,
}) => {
  const account = await newAccount(playwright.request, baseURL);
  const token = await emailedToken(request, account.email);
  const first = await request.post("/api/auth/password-reset/confirm", {
    data: { token, password: "first-new-password" },
  });
  expect(first.status()).toBe(200);
  expect(await first.json()).toEqual({ reset: true, signedOut: true });
  const again = await request.post("/api/auth/password-reset/confirm", {
    data: { token, password: "second-new-password" },
  });
  expect(again.status()).toBe(400);
  expect(((await again.json()) as { error: { code: string } }).error.code).toBe("invalid_token");
  // The first password stands; the second never took.
  const who = await playwright.request.newContext({ baseURL });
  await signIn(who, account.email, "first-new-password");
  await who.dispose();
  const refused = await attemptSignIn(
    request,
    account.email,
    "second-new-password",
    "100.64.250.1",
  );
  expect(refused.error).not.toBeNull();
});

test("[RESET] a reset token older than 30 minutes is refused", async ({
  request,
  playwright,
  baseURL,
}) => {
  const account = await newAccount(playwright.request, baseURL);
  const token = await emailedToken(request, account.email);
  const later = await playwright.request.newContext({
    baseURL,
    storageState: {
      cookies: [
        {
          name: "test-now",
          value: new Date(Date.now() + 31 * 60_000).toISOString(),
          domain: "localhost",
          path: "/",
          expires: -1,
          httpOnly: false,
          secure: false,
          sameSite: "Lax",
        },
      ],
      origins: [],
    },
  });
  const late = await later.post("/api/auth/password-reset/confirm", {
    data: { token, password: "too-late-password" },
  });
  expect(late.status()).toBe(400);
  expect(((await late.json()) as { error: { message: string } }).error.message).toContain(
    "expired",
  );
  await later.dispose();
  // Refused for its age alone: the same token, used in time, still works.
  const inTime = await request.post("/api/auth/password-reset/confirm", {
    data: { token, password: "in-time-password" },
  });
  expect(inTime.status()).toBe(200);
});

test("[VISITOR] with email verification on, signs in only after confirming the emailed link; a second sign-up with it tells nobody but its owner", async ({
  page,
  playwright,
}) => {
  test.setTimeout(120_000);
  const port = BASE_PORT + 44;
  const server = await startExtraServer(44, {
    REQUIRE_EMAIL_VERIFICATION: "true",
    SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
    MAIL_FROM: "Cloud Responsibility <no-reply@example.com>",
    NEXTAUTH_URL: `http://localhost:${port}`,
    TRUSTED_PROXY_HOPS: "1",
  });
  try {
    const email = `verify-${randomUUID().slice(0, 8)}@example.com`;
    const password = "verify-me-password";
    const signInOnPage = async () => {
      await page.goto(`${server.url}/signin`);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
    };
    await page.goto(`${server.url}/signup`);
    await page.getByLabel("Display name").fill("Vera Verify");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText(`we sent a link to ${email}`)).toBeVisible();

    await signInOnPage();
    await expect(
      page.getByRole("alert").filter({ hasText: "Check your email for the link" }),
    ).toBeVisible();

    const link = linkIn(await mailbox.waitFor(email), "/verify-email");
    expect(link.startsWith(`${server.url}/verify-email?token=`)).toBe(true);
    // Opening the link alone (as a mail scanner would) confirms nothing.
    await page.goto(link);
    await signInOnPage();
    await expect(
      page.getByRole("alert").filter({ hasText: "Check your email for the link" }),
    ).toBeVisible();

    await page.goto(link);
    await page.getByRole("button", { name: "Confirm my email" }).click();
    await expect(page.getByText("Your email is confirmed.")).toBeVisible();
    await signInOnPage();
    await expect(page).toHaveURL(/\/lessons$/);

    // A sign-up with the taken email is answered exactly as a new one, and its owner is told.
    const attacker = await playwright.request.newContext({ baseURL: server.url });
    const free = `free-${randomUUID().slice(0, 8)}@example.com`;
    const asNew = await attacker.post("/api/auth/signup", {
      data: { email: free, name: "Mallory", password: "mallory-password" },
    });
    const asTaken = await attacker.post("/api/auth/signup", {
      data: { email, name: "Mallory", password: "mallory-password" },
    });
    expect([asNew.status(), asTaken.status()]).toEqual([201, 201]);
    expect(await asTaken.json()).toEqual({ email, name: "Mallory", verifyEmail: true });
    expect(Object.keys(await asNew.json())).toEqual(Object.keys(await asTaken.json()));
    const told = await mailbox.waitFor(email);
    expect(told.subject).toMatch(/^You already have a .* account$/);
    expect(linkIn(told, "/forgot-password")).toBe(`${server.url}/forgot-password`);
    expect(
      (await attemptSignIn(attacker, email, "mallory-password", "192.0.2.61")).error,
    ).not.toBeNull();
    await attacker.dispose();
  } finally {
    server.stop();
  }
});

test("[ADMIN] makes a one-time reset link for a learner, who sets a password with it", async ({
  page,
  playwright,
  baseURL,
}) => {
  const account = await newAccount(playwright.request, baseURL);
  await signIn(page.request, "admin@example.com");
  await page.goto("/admin/users");
  await page.getByRole("button", { name: `Make a reset link for ${account.email}` }).click();
  const field = page.getByLabel(`Reset link for ${account.email}`, { exact: true });
  await expect(field).toBeVisible();
  const url = await field.inputValue();
  expect(url.startsWith(`${baseURL}/reset-password?token=`)).toBe(true);
  await page.context().clearCookies();
  await page.goto(url);
  await page.getByLabel("New password", { exact: true }).fill("set-by-admin-link");
  await page.getByLabel("Confirm new password").fill("set-by-admin-link");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Your password is changed")).toBeVisible();
  const who = await playwright.request.newContext({ baseURL });
  await signIn(who, account.email, "set-by-admin-link");
  await who.dispose();
});
