import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { BASE_PORT, BASE_URL } from "../playwright.config";
import { attemptSignIn, newAccount, newLearner, signIn } from "./fixtures";
import { query } from "./support/db-snapshot";
import { startExtraServer } from "./support/extra-server";
import { attachScreenshot, expectNoAxeViolations, expectNoSidewaysScroll } from "./support/look";
import {
  OIDC_CLIENT,
  SSO_ONLY_OFFSET,
  startOidcProvider,
  type IdpAccount,
  type OidcProviderHandle,
} from "./support/oidc-provider";

// One identity provider for the file, on the port the app servers were told (OIDC_ISSUER). No test
// here is tagged @phone: the phone project would run this file in another worker at the same time,
// and a second provider cannot listen on that port. The pages are checked at phone size instead. Each
// journey crosses two servers and several redirects, with axe: on two busy cores, past a minute.
test.describe.configure({ mode: "serial", timeout: 180_000 });

let idp: OidcProviderHandle;

test.beforeAll(async () => {
  idp = await startOidcProvider();
});

test.afterAll(async () => {
  await idp?.stop();
});

/** A person at the IdP, unique to this run and project. */
function idpAccount(over: Partial<IdpAccount> = {}): IdpAccount {
  const sub = `sso-${randomUUID().slice(0, 8)}`;
  return {
    sub,
    email: `${sub}@example.org`,
    email_verified: true,
    name: "Sam Single",
    ...over,
  };
}

/** Presses the SSO button and goes through the IdP's login, then consents or refuses. */
async function signInAtIdp(page: Page, base: string, account: IdpAccount, consent = true) {
  await page.goto(`${base}/signin`);
  await page.getByRole("button", { name: "Sign in with Example IdP" }).click();
  await page.waitForURL((url) => url.href.startsWith(idp.issuer));
  await page.getByPlaceholder("Enter any login").fill(account.sub);
  await page.getByPlaceholder("and password").fill("any password will do");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await expect(page.getByRole("button", { name: "Continue" })).toBeVisible();
  if (consent) await page.getByRole("button", { name: "Continue" }).click();
  else await page.getByRole("link", { name: "[ Cancel ]" }).click();
  await page.waitForURL((url) => url.href.startsWith(base));
}

async function sessionEmail(page: Page, base: string): Promise<string | undefined> {
  const session = (await (await page.request.get(`${base}/api/auth/session`)).json()) as {
    user?: { email?: string };
  };
  return session.user?.email;
}

async function userByEmail(email: string) {
  return query<{ id: string; passwordHash: string | null; emailVerifiedAt: unknown }>(
    `SELECT "id", "passwordHash", "emailVerifiedAt" FROM "User" WHERE "email" = '${email}'`,
  );
}

async function linksOf(userId: string) {
  return query<{ provider: string; subject: string }>(
    `SELECT "provider", "subject" FROM "SsoAccount" WHERE "userId" = '${userId}'`,
  );
}

test("[LEARNER] signs in through the identity provider: the first sign-in creates the account, the next reuses it", async ({
  page,
  browser,
}, testInfo) => {
  const person = idpAccount();
  idp.addAccount(person);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "Sign in with Example IdP" })).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  await attachScreenshot(page, testInfo, "sign-in with SSO and password");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
  await attachScreenshot(page, testInfo, "sign-in with SSO and password at phone size");
  await page.setViewportSize({ width: 1280, height: 800 });

  const before = idp.authorizationRequests.length;
  await signInAtIdp(page, BASE_URL, person);
  // Back on the app, signed in, where a signed-in person lands (the lessons).
  await expect(page).toHaveURL(`${BASE_URL}/lessons`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await sessionEmail(page, BASE_URL)).toBe(person.email);

  // The redirect carried PKCE (S256) and state, as the app sent it to the IdP.
  const authorization = idp.authorizationRequests[before];
  expect(authorization.get("client_id")).toBe(OIDC_CLIENT.id);
  expect(authorization.get("code_challenge_method")).toBe("S256");
  expect(authorization.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(authorization.get("state")?.length).toBeGreaterThanOrEqual(16);
  expect(authorization.get("scope")?.split(" ")).toEqual(
    expect.arrayContaining(["openid", "email", "profile"]),
  );

  const [user] = await userByEmail(person.email);
  expect(user.passwordHash).toBeNull();
  expect(user.emailVerifiedAt).not.toBeNull();
  expect(await linksOf(user.id)).toEqual([{ provider: "oidc", subject: person.sub }]);

  // The account page says the password is the IdP's.
  await page.goto("/account");
  await expect(
    page.getByText("You sign in with Example IdP, which manages your password"),
  ).toBeVisible();
  await expect(page.getByLabel("Current password")).toHaveCount(0);

  // A second sign-in, in a new browser, is the same account.
  const again = await browser.newPage();
  await signInAtIdp(again, BASE_URL, person);
  expect(await sessionEmail(again, BASE_URL)).toBe(person.email);
  expect(await userByEmail(person.email)).toHaveLength(1);
  expect(await linksOf(user.id)).toHaveLength(1);
  await again.close();
});

test("[LEARNER] links an existing password account through a verified email", async ({
  page,
  playwright,
  baseURL,
}) => {
  const account = await newAccount(playwright.request, baseURL);
  const person = idpAccount({ email: account.email });
  idp.addAccount(person);
  await signInAtIdp(page, BASE_URL, person);
  expect(await sessionEmail(page, BASE_URL)).toBe(account.email);
  expect(await linksOf(account.id)).toEqual([{ provider: "oidc", subject: person.sub }]);
  const audit = await query<{ actorId: string; address: string | null }>(
    `SELECT "actorId", "address" FROM "AuditEntry" WHERE "action" = 'sso.link' AND "targetId" = '${account.id}'`,
  );
  expect(audit).toHaveLength(1);
  expect(audit[0].actorId).toBe(account.id);
});

test("[SSO] a first SSO sign-in to an account a stranger made ends the stranger's password and session", async ({
  page,
  playwright,
  baseURL,
}) => {
  // The stranger signs up with the person's work email (nobody verifies it here) and is signed in.
  const stranger = await playwright.request.newContext({ baseURL });
  const made = await newLearner(stranger, "Mallory");
  expect((await stranger.get("/api/me/progress")).status()).toBe(200);

  const person = idpAccount({ email: made.email, name: "Real Owner" });
  idp.addAccount(person);
  await signInAtIdp(page, BASE_URL, person);
  expect(await sessionEmail(page, BASE_URL)).toBe(made.email);
  expect(await linksOf(made.id)).toEqual([{ provider: "oidc", subject: person.sub }]);
  expect((await page.request.get("/api/me/progress")).status()).toBe(200);

  // The stranger's cookie from before the link, and their password, no longer get in.
  expect((await stranger.get("/api/me/progress")).status()).toBe(401);
  const other = await playwright.request.newContext({ baseURL });
  const tried = await attemptSignIn(other, made.email, made.password, "100.64.251.7");
  expect(tried.error).toBe("CredentialsSignin");
  const [user] = await userByEmail(made.email);
  expect(user.passwordHash).toBeNull();
  const reclaimed = await query<{ details: string }>(
    `SELECT "details" FROM "AuditEntry" WHERE "action" = 'account.reclaim' AND "targetId" = '${made.id}'`,
  );
  expect(reclaimed.map((row) => JSON.parse(row.details))).toEqual([
    { provider: "oidc", passwordCleared: true, sessionsEnded: true, ssoLinksRemoved: 0 },
  ]);
  await stranger.dispose();
  await other.dispose();
});

test("[LEARNER] an SSO-only account deletes itself soon after signing in, and is asked to sign in again later", async ({
  page,
}) => {
  const person = idpAccount();
  idp.addAccount(person);
  await signInAtIdp(page, BASE_URL, person);
  await page.goto("/account");
  await page.getByRole("button", { name: "Delete my account…" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete your account?" });
  await expect(
    dialog.getByText("You sign in with Example IdP: deleting takes a sign-in within the last 10"),
  ).toBeVisible();
  await expect(dialog.getByLabel("Your password")).toHaveCount(0);

  // Eleven minutes on (the test clock moves this browser's requests), the sign-in is too old.
  const later = new Date(Date.now() + 11 * 60_000).toISOString();
  await page.context().addCookies([{ name: "test-now", value: later, url: BASE_URL }]);
  await dialog.getByLabel("Type DELETE to confirm").fill("DELETE");
  await dialog.getByRole("button", { name: "Delete my account" }).click();
  await expect(
    dialog.getByRole("alert").filter({ hasText: "takes a sign-in within the last 10 minutes" }),
  ).toBeVisible();
  expect(await sessionEmail(page, BASE_URL)).toBe(person.email);

  await page.context().clearCookies({ name: "test-now" });
  await dialog.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/\?deleted=1$/);
  expect(await userByEmail(person.email)).toEqual([]);
});

test("[SSO] a sign-in with an unverified email never takes over an existing account", async ({
  page,
  playwright,
  baseURL,
}, testInfo) => {
  const victim = await newAccount(playwright.request, baseURL);
  const attacker = idpAccount({ email: victim.email, email_verified: false, name: "Mallory" });
  idp.addAccount(attacker);
  await signInAtIdp(page, BASE_URL, attacker);
  await expect(page).toHaveURL(/\/signin\?error=SsoEmailNotVerified/);
  // (Next's route announcer is an alert too: pick ours by its words.)
  await expect(
    page.getByRole("alert").filter({
      hasText:
        "Example IdP has not verified your email address, and an account with it already exists",
    }),
  ).toBeVisible();
  await attachScreenshot(page, testInfo, "sign-in refused unverified email");
  expect(await sessionEmail(page, BASE_URL)).toBeUndefined();
  expect(await linksOf(victim.id)).toEqual([]);
  expect(await userByEmail(victim.email)).toHaveLength(1);
  expect(
    await query(`SELECT "userId" FROM "SsoAccount" WHERE "subject" = '${attacker.sub}'`),
  ).toEqual([]);
});

test("[LEARNER] refusing consent at the identity provider says so and signs nobody in", async ({
  page,
}, testInfo) => {
  const person = idpAccount();
  idp.addAccount(person);
  await signInAtIdp(page, BASE_URL, person, false);
  await expect(
    page.getByRole("alert").filter({
      hasText: "Sign-in with Example IdP was cancelled: consent was refused",
    }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await attachScreenshot(page, testInfo, "sign-in consent refused");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
  await attachScreenshot(page, testInfo, "sign-in consent refused at phone size");
  expect(await sessionEmail(page, BASE_URL)).toBeUndefined();
  expect(await userByEmail(person.email)).toEqual([]);
});

test("[INSTRUCTOR] an SSO-only server offers no passwords and places people in the team their group maps to", async ({
  page,
  playwright,
}, testInfo) => {
  const instructor = await playwright.request.newContext({ baseURL: BASE_URL });
  await signIn(instructor, "instructor@example.com");
  const created = await instructor.post("/api/teams", {
    data: { name: `Ops ${randomUUID().slice(0, 4)}` },
  });
  expect(created.status()).toBe(201);
  const team = (await created.json()) as { id: string };
  await instructor.dispose();

  const url = `http://localhost:${BASE_PORT + SSO_ONLY_OFFSET}`;
  const server = await startExtraServer(SSO_ONLY_OFFSET, {
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: OIDC_CLIENT.id,
    OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
    OIDC_NAME: "Example IdP",
    OIDC_TEAM_GROUPS: `e2e-ops=${team.id},e2e-ghost=no-such-team`,
    AUTH_CREDENTIALS: "false",
    NEXTAUTH_URL: url,
  });
  try {
    await page.goto(`${url}/signin`);
    await expect(page.getByRole("button", { name: "Sign in with Example IdP" })).toBeVisible();
    await expect(page.getByLabel("Password")).toHaveCount(0);
    await expect(page.getByLabel("Email")).toHaveCount(0);
    await expectNoAxeViolations(page);
    await attachScreenshot(page, testInfo, "sign-in SSO only");

    await page.goto(`${url}/signup`);
    await expect(page.getByText("Accounts here come from Example IdP")).toBeVisible();
    const signUp = await page.request.post(`${url}/api/auth/signup`, {
      data: { email: "someone@example.com", name: "Someone", password: "long-enough-password" },
    });
    expect(signUp.status()).toBe(403);
    expect(((await signUp.json()) as { error: { code: string } }).error.code).toBe(
      "credentials_disabled",
    );

    // The password endpoint refuses too, even for the seeded demo account and its known password.
    const csrf = (await (await page.request.get(`${url}/api/auth/csrf`)).json()) as {
      csrfToken: string;
    };
    await page.request.post(`${url}/api/auth/callback/credentials`, {
      form: {
        csrfToken: csrf.csrfToken,
        email: "learner@example.com",
        password: "learn-aws-2026",
        json: "true",
      },
      maxRedirects: 0,
    });
    expect(await sessionEmail(page, url)).toBeUndefined();

    const person = idpAccount({ groups: ["e2e-ops", "e2e-ghost"] });
    idp.addAccount(person);
    await signInAtIdp(page, url, person);
    expect(await sessionEmail(page, url)).toBe(person.email);
    const [user] = await userByEmail(person.email);
    expect(
      await query(`SELECT "teamId", "role" FROM "TeamMembership" WHERE "userId" = '${user.id}'`),
    ).toEqual([{ teamId: team.id, role: "MEMBER" }]);
    const added = await query<{ details: string }>(
      `SELECT "details" FROM "AuditEntry" WHERE "action" = 'team.member.add' AND "actorId" = '${user.id}'`,
    );
    expect(added.map((row) => JSON.parse(row.details).via)).toEqual(["sso"]);
  } finally {
    server.stop();
  }
});

test("[SSO] an admin deletes an SSO user with the block ticked: their IdP sign-in is refused until the block is lifted", async ({
  page,
  browser,
}, testInfo) => {
  const person = idpAccount({ name: "Leaving Soon" });
  idp.addAccount(person);
  await signInAtIdp(page, BASE_URL, person);
  expect(await sessionEmail(page, BASE_URL)).toBe(person.email);
  const [user] = await userByEmail(person.email);

  // The admin deletes the account, with "Also block" ticked as it comes.
  const adminContext = await browser.newContext({ baseURL: BASE_URL });
  const admin = await adminContext.newPage();
  await signIn(admin.request, "admin@example.com");
  await admin.goto("/admin/users");
  const row = admin.getByRole("row").filter({ hasText: person.email });
  const block = row.getByLabel(/Also block their single sign-on identity/);
  await expect(block).toBeChecked();
  admin.once("dialog", (confirm) => void confirm.accept());
  await row.getByRole("button", { name: `Delete ${person.email}` }).click();
  await expect(
    admin.getByRole("status").filter({ hasText: "The account is deleted" }),
  ).toBeVisible();
  const blocked = await query<{ id: string }>(
    `SELECT "id" FROM "BlockedIdentity" WHERE "provider" = 'oidc' AND "subject" = '${person.sub}'`,
  );
  expect(blocked).toHaveLength(1);
  await expect(admin.getByRole("row").filter({ hasText: person.sub })).toBeVisible();
  await attachScreenshot(admin, testInfo, "blocked identity on admin users");

  // Still a person at the IdP: their next sign-in is refused, and makes no account.
  // A context of its own, as axe needs, with no IdP session: the person signs in there afresh.
  const refusedContext = await browser.newContext();
  const refusedPage = await refusedContext.newPage();
  await signInAtIdp(refusedPage, BASE_URL, person);
  await expect(refusedPage).toHaveURL(/\/signin\?error=SsoIdentityBlocked/);
  await expect(
    refusedPage.getByRole("alert").filter({
      hasText: "An administrator here has withdrawn your access through Example IdP",
    }),
  ).toBeVisible();
  await expectNoAxeViolations(refusedPage);
  expect(await sessionEmail(refusedPage, BASE_URL)).toBeUndefined();
  expect(await userByEmail(person.email)).toEqual([]);
  const failures = await query<{ details: string; targetType: string }>(
    `SELECT "details", "targetType" FROM "AuditEntry" WHERE "action" = 'auth.signin.fail' AND "targetId" = '${blocked[0].id}'`,
  );
  expect(failures.map((f) => [f.targetType, JSON.parse(f.details)])).toEqual([
    ["identity", { via: "sso", reason: "identity_blocked" }],
  ]);
  await refusedContext.close();

  // The admin lifts the block; the next sign-in makes a new, empty account.
  await admin.goto("/admin/users");
  await admin.getByRole("button", { name: `Lift block on ${person.sub}` }).click();
  await expect(admin.getByRole("status").filter({ hasText: "The block is lifted" })).toBeVisible();
  await expect(admin).toHaveURL(/\/admin\/users\?unblocked=1$/);
  await expect(admin.getByRole("row").filter({ hasText: person.sub })).toHaveCount(0);
  expect(
    await query(`SELECT "id" FROM "BlockedIdentity" WHERE "subject" = '${person.sub}'`),
  ).toEqual([]);
  await adminContext.close();

  const back = await browser.newPage();
  await signInAtIdp(back, BASE_URL, person);
  expect(await sessionEmail(back, BASE_URL)).toBe(person.email);
  const [fresh] = await userByEmail(person.email);
  expect(fresh.id).not.toBe(user.id);
  expect(await linksOf(fresh.id)).toEqual([{ provider: "oidc", subject: person.sub }]);
  await back.close();
});
