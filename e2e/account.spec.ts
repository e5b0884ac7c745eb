import { expect, test } from "@playwright/test";
import { newLearner } from "./fixtures";

test("[LEARNER] changes the password in the browser, is signed out everywhere, and signs in with the new one", async ({
  page,
}) => {
  const { email, password } = await newLearner(page.request, "Password Changer");
  await page.goto("/account");
  await page.getByLabel("Current password").fill(password);
  await page.getByLabel("New password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Change password and sign out everywhere" }).click();

  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
  // A full load of the sign-in page: the header's island knows the session is over.
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(await (await page.request.get("/api/me/progress")).status()).toBe(401);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
});
