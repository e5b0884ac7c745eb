import { expect, test } from "@playwright/test";
import { answerAll, attemptSignIn, newAccount, newLearner, signIn } from "./fixtures";

test("[LEARNER] takes a quiz, deletes the account on /account with the password, is signed out, and cannot sign in again @phone", async ({
  page,
}) => {
  const { email, password } = await newLearner(page.request, "Leaving Learner");
  const { attemptId, items } = (await (
    await page.request.post("/api/quizzes/aws-shield/attempts")
  ).json()) as {
    attemptId: string;
    items: Array<{ id: string; options?: Array<{ key: string }> }>;
  };
  const submitted = await page.request.post(`/api/attempts/${attemptId}/submit`, {
    data: { answers: answerAll(items, "AWS") },
  });
  expect(submitted.status()).toBe(200);

  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "What we keep, and why" })).toBeVisible();
  await page.getByRole("button", { name: "Delete my account…" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete your account?" });
  await expect(dialog).toBeVisible();
  // Cancel closes it and deletes nothing.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect((await page.request.get("/api/me/progress")).status()).toBe(200);

  await page.getByRole("button", { name: "Delete my account…" }).click();
  await dialog.getByLabel("Type DELETE to confirm").fill("delete please");
  await dialog.getByRole("button", { name: "Delete my account" }).click();
  await expect(dialog.getByText("Type DELETE in capitals to confirm.")).toBeVisible();
  expect((await page.request.get("/api/me/progress")).status()).toBe(200);

  // The word alone, or with a wrong password, deletes nothing: the password is asked for.
  await dialog.getByLabel("Type DELETE to confirm").fill("DELETE");
  await dialog.getByRole("button", { name: "Delete my account" }).click();
  await expect(dialog.getByText("Type your password to delete the account.")).toBeVisible();
  await dialog.getByLabel("Your password").fill("not-my-password");
  await dialog.getByRole("button", { name: "Delete my account" }).click();
  await expect(dialog.getByText("The password is not right.")).toBeVisible();
  await expect(dialog.getByLabel("Your password")).toHaveAttribute("aria-invalid", "true");
  expect((await page.request.get("/api/me/progress")).status()).toBe(200);

  await dialog.getByLabel("Your password").fill(password);
  await dialog.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/\?deleted=1$/);
  await expect(
    page.getByRole("status").filter({ hasText: "Your account is deleted" }),
  ).toBeVisible();
  // The newcomer's home: the browser is signed out.
  await expect(page.getByRole("link", { name: "Create an account" })).toBeVisible();
  expect((await page.request.get("/api/me/progress")).status()).toBe(401);

  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Email or password is not right. Try again.")).toBeVisible();
  expect((await page.request.get("/api/me/progress")).status()).toBe(401);
});

test("[ADMIN] deletes a user from /admin/users after confirming; the account can no longer sign in @phone", async ({
  page,
  playwright,
  baseURL,
}) => {
  const target = await newAccount(playwright.request, baseURL);
  await signIn(page.request, "admin@example.com");
  await page.goto("/admin/users");
  const row = page.getByRole("row").filter({ hasText: target.email });
  await expect(row).toBeVisible();
  let asked = "";
  page.once("dialog", (confirm) => {
    asked = confirm.message();
    void confirm.accept();
  });
  await row.getByRole("button", { name: `Delete ${target.email}` }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "The account is deleted" }),
  ).toBeVisible();
  expect(asked).toContain(target.email);
  await expect(page).toHaveURL(/\/admin\/users\?deleted=1$/);
  await expect(page.getByRole("row").filter({ hasText: target.email })).toHaveCount(0);

  const other = await playwright.request.newContext({ baseURL });
  const tried = await attemptSignIn(other, target.email, target.password, "100.64.250.1");
  expect(tried.error).toBe("CredentialsSignin");
  await other.dispose();
});
