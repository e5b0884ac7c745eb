import { expect, test } from "@playwright/test";
import { newLearner, SEED_SLUG, signIn } from "./fixtures";
import { attachScreenshot, expectNoAxeViolations, expectNoSidewaysScroll } from "./support/look";

test("[READER] home → lessons → search KMS → seed lesson → wiki link → backlink → tag → 404", async ({
  page,
}) => {
  await page.goto("/");
  await expect(
    page.getByRole("heading", { level: 1, name: "Who secures what in the cloud?" }),
  ).toBeVisible();
  await page.getByRole("link", { name: /Browse all \d+ lessons/ }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Lessons" })).toBeVisible();
  // #aws is on nearly every lesson, so it is no filter; #service is.
  await expect(page.getByRole("link", { name: /^#service(?!model)/ })).toBeVisible();

  await page.keyboard.press("/");
  const search = page.getByRole("combobox", { name: "Search lessons" });
  await expect(search).toBeFocused();
  // Many service notes mention KMS now; "KMS shared" still puts KMS first and the seed note next.
  await search.fill("KMS shared");
  const results = page.getByRole("listbox", { name: "Results" });
  await expect(results.getByRole("option").first()).toContainText(
    "AWS Key Management Service (KMS)",
  );
  await expect(
    results.getByRole("option", { name: /^AWS Shared Responsibility Model/ }),
  ).toBeVisible();
  // Keyboard: arrow down to the seed lesson, Enter to open it.
  const seed = results.getByRole("option", { name: /^AWS Shared Responsibility Model/ });
  const titles = await results.locator(".hit-title").allTextContents();
  for (let i = 0; i < titles.indexOf("AWS Shared Responsibility Model"); i++)
    await search.press("ArrowDown");
  await expect(seed).toHaveAttribute("aria-selected", "true");
  await search.press("Enter");

  await expect(page).toHaveURL(/\/lessons\/aws-shared-responsibility-model$/);
  await expect(
    page.getByRole("heading", { level: 1, name: "AWS Shared Responsibility Model" }),
  ).toBeVisible();
  const toc = page.getByRole("navigation", { name: "On this page" });
  await expect(toc.getByRole("link", { name: "Customer Responsibilities" })).toHaveAttribute(
    "href",
    "#customer-responsibilities",
  );
  await expect(page.locator("#customer-responsibilities")).toBeVisible();
  await expect(page.getByRole("link", { name: "Take the quiz" })).toHaveAttribute(
    "href",
    "/quiz/aws-shared-responsibility-model",
  );

  await page
    .getByRole("article")
    .getByRole("link", { name: "AWS Key Management Service (KMS)", exact: true })
    .first()
    .click();
  await expect(page).toHaveURL(/\/lessons\/aws-key-management-service-kms$/);
  const backlinks = page.getByRole("region", { name: "Linked from" });
  await expect(
    backlinks.getByRole("link", { name: "AWS Shared Responsibility Model" }),
  ).toBeVisible();

  await page.getByRole("list", { name: "Tags" }).getByRole("link", { name: "#encryption" }).click();
  await expect(page).toHaveURL(/\/tags\/encryption$/);
  await expect(page.getByRole("heading", { level: 1, name: "#encryption" })).toBeVisible();
  await expect(
    page.getByRole("heading", { level: 3, name: "AWS Key Management Service (KMS)" }),
  ).toBeVisible();

  const missing = await page.goto("/lessons/no-such-lesson");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect((await page.goto("/tags/no-such-tag"))?.status()).toBe(404);
});

test("[READER] a lesson reads with JavaScript off, and study mode hides owners", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/lessons/aws-shared-responsibility-model");
  await expect(
    page.getByRole("heading", { level: 1, name: "AWS Shared Responsibility Model" }),
  ).toBeVisible();
  const card = page.getByRole("listitem").filter({ hasText: "Physical Security" });
  const owner = card.locator(".control-owner");
  await expect(owner).toHaveText("AWS");
  await page.getByLabel(/Study mode/).check();
  await expect(owner).toBeHidden();
  await card.focus();
  await expect(owner).toBeVisible();
  await context.close();
});

test("[READER] switches between light and dark themes", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/lessons");
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("button", { name: "Switch to light theme" })).toBeVisible();
});

test(
  "[INSTRUCTOR] a lesson shows instructors what its quiz asks and where each owner came from; learners do not see it",
  {
    tag: "@phone",
  },
  async ({ page, browser }, testInfo) => {
    await signIn(page.request, "instructor@example.com");
    await page.goto(`/lessons/${SEED_SLUG}`);
    const fold = page.getByText("Quiz items in this note (33)");
    await fold.click();
    const table = page.getByRole("table", { name: "Quiz items in this note" });
    await expect(table.getByRole("row")).toHaveCount(34);
    await expect(table.getByRole("row", { name: /Physical Security/ })).toContainText(
      "“AWS Responsibilities”, line 6",
    );
    await expect(table.getByRole("row", { name: /Physical Security/ })).toContainText("AWS");
    await table.scrollIntoViewIfNeeded();
    await attachScreenshot(page, testInfo, "quiz items in this note", { fullPage: false });
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);

    const unknown = await page.request.get("/api/lessons/no-such-note/items");
    expect(unknown.status()).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("not_found");

    const learner = await browser.newPage();
    await newLearner(learner.request);
    await learner.goto(`/lessons/${SEED_SLUG}`);
    await expect(learner.getByRole("link", { name: "Take the quiz" })).toBeVisible();
    await expect(learner.getByText(/Quiz items in this note/)).toHaveCount(0);
    await learner.close();
  },
);
