import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { attachScreenshot, expectNoAxeViolations, expectNoSidewaysScroll } from "./support/look";
import { newLearner, SEED_SLUG } from "./fixtures";

/** The screen as it is (kept with the test's results), no sideways scrolling, and no axe violation. */
async function look(page: Page, testInfo: TestInfo, name: string) {
  await attachScreenshot(page, testInfo, name, { fullPage: false });
  await expectNoSidewaysScroll(page, name);
  await expectNoAxeViolations(page, name);
}

test(
  "[LEARNER] the quiz, its results and review look right and pass axe, on a desktop and a phone",
  { tag: "@phone" },
  async ({ page, isMobile }, testInfo) => {
    test.setTimeout(180_000);
    if (!isMobile) await page.setViewportSize({ width: 1280, height: 800 });
    await newLearner(page.request);

    await page.goto(`/quiz/${SEED_SLUG}`);
    await look(page, testInfo, "quiz intro");
    await page.getByRole("button", { name: "Start quiz" }).click();
    await expect(page.getByText("0 of 33 answered", { exact: true })).toBeVisible();
    const owners = ["AWS", "Customer", "Shared"];
    if (isMobile) {
      const oneCard = page.getByRole("region", { name: "One card at a time" });
      for (let i = 0; i < 5; i++)
        await oneCard.getByRole("button", { name: owners[i % 3], exact: true }).tap();
      await expect(page.getByText("5 of 33 answered", { exact: true })).toBeVisible();
      await look(page, testInfo, "one card");
      await page.getByRole("button", { name: "Whole board" }).tap();
      await expect(page.getByRole("region", { name: "To place" })).toBeVisible();
      await look(page, testInfo, "whole board on a phone");
      await page.getByRole("button", { name: "One card" }).tap();
    } else {
      await page.locator(".quiz-card").first().focus();
      for (let i = 0; i < 5; i++) await page.keyboard.press(String((i % 3) + 1));
      await expect(page.getByText("5 of 33 answered", { exact: true })).toBeVisible();
      await look(page, testInfo, "board in progress");
      await page.getByRole("button", { name: "One card" }).click();
      await expect(page.getByText(/^Card \d+ of 15$/)).toBeVisible();
      await look(page, testInfo, "one card on a desktop");
      await page.getByRole("button", { name: "Whole board" }).click();
    }

    // Submit with the rest unplaced, so that plenty is missed.
    await page.getByRole("button", { name: /^Submit/ }).click();
    await expect(page.getByRole("heading", { name: /^Results/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "By section" })).toBeVisible();
    await look(page, testInfo, "results");

    await page.getByRole("link", { name: /^Review what you missed \(\d+\)$/ }).click();
    await expect(page).toHaveURL(/\/review$/);
    await look(page, testInfo, "review intro");
    await page.getByRole("button", { name: "Start review" }).click();
    await expect(page.getByText(/^0 of 20 (placed|answered)$/)).toBeVisible();
    // Review cards come from many notes: each names its lesson, as does a matrix's section.
    if (!isMobile) {
      const pool = page.getByRole("region", { name: "To place" });
      const cards = await pool.getByRole("listitem").count();
      await expect(pool.getByText("AWS Shared Responsibility Model")).toHaveCount(cards);
    } else if (await page.locator(".one-card-card").count()) {
      await expect(page.locator(".one-card-card")).toContainText("AWS Shared Responsibility Model");
    }
    await look(page, testInfo, "review in progress");
    await page.getByRole("button", { name: /^Submit/ }).click();
    await expect(page.getByRole("heading", { name: "Results: Review" })).toBeVisible();
    await look(page, testInfo, "review results");
  },
);
