import { expect, test, type Page } from "@playwright/test";
import { newLearner, SEED_SLUG, signIn } from "./fixtures";
import { answerGridByKeyboard } from "./support/quiz-matrix";

/** Tabs from the top of the page until a quiz card has focus. */
async function focusFirstCard(page: Page) {
  await page.locator("body").focus();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement?.classList.contains("quiz-card"))) return;
  }
  throw new Error("no quiz card took focus");
}

test("[LEARNER] takes the seed quiz with the keyboard only, reloads mid-way, submits and reviews what was missed", async ({
  page,
}) => {
  await signIn(page.request, "learner@example.com");
  await page.goto(`/quiz/${SEED_SLUG}`);
  await expect(page.getByRole("heading", { level: 1, name: /Who owns it\?/ })).toBeVisible();
  await page.getByRole("button", { name: "Start quiz" }).click();
  // 15 cards on the board, then the service matrix's 18 cells: one count for both.
  await expect(page.getByText("0 of 33 answered", { exact: true })).toBeVisible();

  // Keyboard only: focus a card, press 1 (AWS); focus moves on to the next card to place.
  await focusFirstCard(page);
  for (let placed = 1; placed <= 12; placed++) {
    await page.keyboard.press("1");
    await expect(page.getByText(`${placed} of 33 answered`, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole("region", { name: "AWS" }).getByRole("listitem")).toHaveCount(12);
  await expect(page.getByText("All answers saved.")).toBeVisible();

  await page.reload();
  await expect(page.getByText("12 of 33 answered", { exact: true })).toBeVisible();
  await expect(page.getByText(/picking up where you left off/)).toBeVisible();

  await focusFirstCard(page);
  for (let placed = 13; placed <= 15; placed++) {
    await page.keyboard.press("2");
    await expect(page.getByText(`${placed} of 33 answered`, { exact: true })).toBeVisible();
  }
  // After the last card, focus moves on to the matrix, whose cells take the same keys.
  await answerGridByKeyboard(page, 7, 3, () => 2);
  await expect(page.getByText("33 of 33 answered", { exact: true })).toBeVisible();
  // Then Tab reaches Submit (past the matrix's Sure / Unsure).
  const submit = page.getByRole("button", { name: "Submit answers" });
  for (let i = 0; i < 5 && !(await submit.evaluate((b) => b === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(submit).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { name: /Results/ })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/quiz/${SEED_SLUG}\\?attempt=[\\w-]+$`));
  const score = await page
    .getByRole("status")
    .filter({ hasText: / of 33 right/ })
    .textContent();
  const correct = Number(/(\d+) of 33/.exec(score ?? "")?.[1]);
  const missed = 33 - correct;
  expect(missed).toBeGreaterThan(0);
  // Missed answers first, each with the expected owner and a link to its section.
  const answers = page.locator("#results-list").getByRole("listitem");
  await expect(answers).toHaveCount(missed);
  const firstWrong = answers.filter({ hasText: "Wrong" }).first();
  await expect(firstWrong.getByText("Expected")).toBeVisible();
  await expect(firstWrong.getByRole("link", { name: "Read this in the lesson" })).toHaveAttribute(
    "href",
    new RegExp(`^/lessons/${SEED_SLUG}#`),
  );
  await page.getByRole("button", { name: /^Show the (\d+ )?right ones? too$/ }).click();
  await expect(answers).toHaveCount(33);

  // N is what review presents: at most one batch of 20.
  const offered = Math.min(missed, 20);
  const review = page.getByRole("link", { name: `Review what you missed (${offered})` });
  await review.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByText(`${missed} items due, across your lessons.`)).toBeVisible();
  await page.getByRole("button", { name: "Start review" }).click();
  await expect(page.getByText(`${offered} items due, across your lessons.`)).toBeVisible();
  await expect(page.getByText(new RegExp(`^0 of ${offered} (placed|answered)$`))).toBeVisible();
  // Cards on the board, and service-matrix cells in their grid: as many as review offered.
  const cards = await page.getByRole("region", { name: "To place" }).getByRole("listitem").count();
  // (A review's matrix has only the cells due: the others are empty, with no name.)
  const cells = page.getByRole("gridcell", { name: /: (AWS|Customer|Shared|not answered)$/ });
  expect(cards + (await cells.count())).toBe(offered);
});

test("[LEARNER] marks a lesson as read and sees it on the progress page", async ({ page }) => {
  await newLearner(page.request);
  await page.goto("/lessons/aws-shield");
  const saved = page.waitForResponse(
    (r) => r.url().endsWith("/api/me/lessons/aws-shield/read") && r.ok(),
  );
  await page.getByLabel("Mark as read").check();
  await saved;
  await expect(page.getByLabel("Mark as read")).toBeChecked();
  await page.goto("/progress");
  await expect(
    page.getByRole("row", { name: /AWS Shield/ }).getByText("Read", { exact: true }),
  ).toBeVisible();
});
