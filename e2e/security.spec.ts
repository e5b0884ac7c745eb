import { expect, test, type Page } from "@playwright/test";
import { newLearner } from "./fixtures";
import { startExtraServer } from "./support/extra-server";

async function signInThroughTheForm(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("[ATTACKER] a crafted callbackUrl never sends the browser off the site after sign-in", async ({
  page,
  request,
  baseURL,
}) => {
  const { email, password } = await newLearner(request);
  const origin = new URL(baseURL!).origin;
  const variants = [
    "/%09/evil.example/x",
    "/%0A/evil.example/x",
    "/%0D/evil.example/x",
    "/%5Cevil.example/x",
    "/.//evil.example/x",
  ];
  for (const variant of variants) {
    await page.context().clearCookies();
    await page.goto(`/signin?callbackUrl=${variant}`);
    await signInThroughTheForm(page, email, password);
    await page.waitForURL((url) => url.pathname !== "/signin");
    expect(new URL(page.url()).origin, variant).toBe(origin);
  }
  test.info().annotations.push({ type: "cases", description: String(variants.length) });
});

test("[SESSION] sign-out through the page works on a port other than 3000, with no NEXTAUTH_URL", async ({
  page,
  request,
}) => {
  const { email, password } = await newLearner(request);
  const other = await startExtraServer(42, {});
  try {
    await page.goto(`${other.url}/signin`);
    await signInThroughTheForm(page, email, password);
    await page.waitForURL((url) => url.pathname !== "/signin");
    // Loaded directly: the prerendered page's scripts must run for its button to work.
    await page.goto(`${other.url}/signout`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${other.url}/`);
    const session = await page.request.get(`${other.url}/api/auth/session`);
    expect(((await session.json()) as { user?: unknown }).user).toBeUndefined();
  } finally {
    other.stop();
  }
});
