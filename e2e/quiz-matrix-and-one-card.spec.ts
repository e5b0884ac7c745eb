import { expect, test, type Locator, type Page } from "@playwright/test";
import { newLearner, SEED_SLUG } from "./fixtures";
import { attachScreenshot, expectNoAxeViolations, expectNoSidewaysScroll } from "./support/look";

// Issue #26, points 1 and 6: the 12-service matrix keeps its control names in view, and the phone's
// one-card view leads on to the questions that are not cards.

const WIDE_MATRIX = "/quiz/the-line-moves-by-service";
const WIDE_GRID = "Who owns each control, by service";
const OWNERS = ["AWS", "Customer", "Shared"] as const;

async function startQuiz(page: Page, path: string) {
  await page.goto(path);
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByText(/^0 of \d+ answered$/)).toBeVisible();
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, `${locator.toString()} has a box`).not.toBeNull();
  return found!;
}

/** Whether the element itself is what is painted at its own centre: nothing covers it. */
async function paintedOnTop(locator: Locator) {
  return locator.evaluate((element) => {
    const r = element.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && element.contains(hit);
  });
}

test("[LEARNER] scrolls the 12-service matrix sideways and still reads every control's name; a legend names the owner buttons", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await newLearner(page.request);
  await startQuiz(page, WIDE_MATRIX);
  const grid = page.getByRole("grid", { name: WIDE_GRID });
  const scroller = page.locator(".quiz-matrix-scroll");
  await grid.scrollIntoViewIfNeeded();

  // Before any answer: a legend of the three buttons, the same three in every cell, none pressed.
  const legend = page.locator(".quiz-matrix-legend");
  for (const owner of OWNERS) await expect(legend.getByText(owner, { exact: true })).toBeVisible();
  for (const owner of OWNERS) {
    const buttons = grid.getByRole("button", { name: owner, exact: true });
    await expect(buttons).toHaveCount(66);
    await expect(buttons.first()).toHaveAttribute("title", new RegExp(`^${owner}: `));
  }
  await expect(grid.locator('[aria-pressed="true"]')).toHaveCount(0);
  await expect(grid.getByRole("gridcell", { name: /: not answered$/ })).toHaveCount(66);

  // The services do not fit: the grid scrolls inside its box, never the page.
  expect(await scroller.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeGreaterThan(100);
  await expectNoSidewaysScroll(page, "the 12-service matrix");
  const rowHeaders = grid.getByRole("rowheader");
  const firstRow = rowHeaders.first();
  await legend.evaluate((e) => e.scrollIntoView({ block: "start" }));
  await attachScreenshot(page, testInfo, "12-service matrix at the start", { fullPage: false });
  await grid.evaluate((e) => e.scrollIntoView({ block: "start" }));
  const before = await box(firstRow);

  await scroller.evaluate((e) => e.scrollTo({ left: e.scrollWidth }));
  await expect.poll(() => scroller.evaluate((e) => e.scrollLeft)).toBeGreaterThan(100);
  const frame = await box(scroller);
  const lastService = grid.getByRole("columnheader").last();
  const lastBox = await box(lastService);
  expect(lastBox.x + lastBox.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
  for (const header of await rowHeaders.all()) {
    const at = await box(header);
    // Where it was before the scroll, at the box's left edge, painted over the cells beneath.
    expect(Math.abs(at.x - before.x)).toBeLessThan(1);
    expect(at.x).toBeGreaterThanOrEqual(frame.x - 1);
    expect(await paintedOnTop(header)).toBe(true);
    await expect(header).not.toHaveText("");
  }
  // The last service's cells start right of the pinned names, not under them.
  const lastCell = grid.getByRole("row").nth(1).getByRole("gridcell").last();
  expect((await box(lastCell)).x).toBeGreaterThanOrEqual(before.x + before.width - 1);
  await attachScreenshot(page, testInfo, "12-service matrix scrolled to the last service", {
    fullPage: false,
  });

  // A click on a word-named button in the far column answers that cell.
  await lastCell.getByRole("button", { name: "Shared", exact: true }).click();
  await expect(lastCell).toHaveAccessibleName(/: Shared$/);
  await expect(page.getByText("1 of 66 answered", { exact: true })).toBeVisible();

  // The keyboard as before: Home goes back to the first service, unhidden by the pinned column.
  await lastCell.focus();
  await page.keyboard.press("Home");
  const home = grid.getByRole("row").nth(1).getByRole("gridcell").first();
  await expect(home).toBeFocused();
  expect((await box(home)).x).toBeGreaterThanOrEqual(before.x + before.width - 1);
  await page.keyboard.press("End");
  await expect(lastCell).toBeFocused();
  await page.keyboard.press("2");
  await expect(lastCell).toHaveAccessibleName(/: Customer$/);
  await expectNoAxeViolations(page, "the 12-service matrix, scrolled");
});

test(
  "[LEARNER] on a touch screen the matrix's owner buttons carry their words and are at least 44 px",
  { tag: "@phone" },
  async ({ page, isMobile }, testInfo) => {
    test.skip(!isMobile, "touch");
    await newLearner(page.request);
    await startQuiz(page, WIDE_MATRIX);
    const matrix = page.getByRole("region", { name: WIDE_GRID });
    await matrix.scrollIntoViewIfNeeded();
    const first = matrix.getByRole("group").first();
    for (const owner of OWNERS) {
      const button = first.getByRole("button", { name: owner, exact: true });
      await expect(button).toHaveText(owner);
      const b = await box(button);
      expect(Math.min(b.width, b.height)).toBeGreaterThanOrEqual(44);
    }
    await attachScreenshot(page, testInfo, "12-service matrix on a phone", { fullPage: false });
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page, "the 12-service matrix on a phone");

    // A touch screen wide enough for the grid (a tablet): its cell buttons grow to 44 px too.
    await page.setViewportSize({ width: 1024, height: 768 });
    const grid = page.getByRole("grid", { name: WIDE_GRID });
    await expect(grid).toBeVisible();
    for (const owner of OWNERS) {
      const b = await box(grid.getByRole("button", { name: owner, exact: true }).first());
      expect(Math.min(b.width, b.height)).toBeGreaterThanOrEqual(44);
    }
  },
);

test(
  "[LEARNER] on a phone, one card at a time starts with the owner buttons in view and leads on to the questions below the cards",
  { tag: "@phone" },
  async ({ page, isMobile }, testInfo) => {
    test.skip(!isMobile, "the phone's one-card view");
    await newLearner(page.request);
    await startQuiz(page, `/quiz/${SEED_SLUG}`);
    const oneCard = page.getByRole("region", { name: "One card at a time" });

    // The first card's owner buttons sit on the first screen, unscrolled.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const screen = page.viewportSize()!;
    for (const owner of OWNERS) {
      const b = await box(oneCard.getByRole("button", { name: owner, exact: true }));
      expect(b.y + b.height, `${owner} within the first screen`).toBeLessThanOrEqual(screen.height);
    }
    await attachScreenshot(page, testInfo, "one card, first screen", { fullPage: false });
    // What follows the cards is signposted below them from the start.
    await expect(page.getByText("After the 15 cards: a service matrix.")).toBeAttached();

    for (let i = 0; i < 14; i++) {
      await expect(page.getByText(`Card ${i + 1} of 15`)).toBeVisible();
      await oneCard.getByRole("button", { name: OWNERS[i % 3], exact: true }).tap();
    }
    // The last card says what is below it, aloud too.
    await expect(oneCard.getByText("Card 15 of 15")).toBeVisible();
    await expect(oneCard.getByText(/^Last card\. Below it: a service matrix\.$/)).toBeVisible();
    await expect(oneCard.locator('[aria-live="polite"]')).toContainText(
      "The last card; below it: a service matrix.",
    );
    await oneCard.scrollIntoViewIfNeeded();
    await attachScreenshot(page, testInfo, "one card, the last card", { fullPage: false });
    await expectNoAxeViolations(page, "the last card");

    // Placing it moves on to what follows: the signpost takes the focus, in view, and is announced.
    await oneCard.getByRole("button", { name: "AWS", exact: true }).tap();
    await expect(page.getByText("15 of 33 answered", { exact: true })).toBeVisible();
    const signpost = page.locator(".quiz-after-cards");
    await expect(signpost).toBeFocused();
    await expect(signpost).toBeInViewport();
    await expect(page.locator('.quiz [aria-live="assertive"]')).toContainText(
      "All 15 cards placed. Below them: a service matrix.",
    );
    const matrix = page.getByRole("region", { name: "Who runs each layer" });
    await expect(matrix.getByRole("heading", { name: "Who runs each layer" })).toBeInViewport();
    await attachScreenshot(page, testInfo, "one card, on to the matrix", { fullPage: false });

    // The button on the last card goes there too, for a learner who has not placed every card.
    await oneCard.getByRole("button", { name: "AWS", exact: true }).scrollIntoViewIfNeeded();
    await oneCard.getByRole("button", { name: "Go to the questions below" }).tap();
    await expect(signpost).toBeFocused();
    await expect(signpost).toBeInViewport();
    await expectNoSidewaysScroll(page);
  },
);

test(
  "[LEARNER] on a phone, the last card of a halves attempt names the split and scenario questions below it",
  { tag: "@phone" },
  async ({ page, isMobile }) => {
    test.skip(!isMobile, "the phone's one-card view");
    await newLearner(page.request);
    // The second attempt at a service note asks each Shared control by its halves.
    const first = (await (await page.request.post(`/api/quizzes/amazon-ec2/attempts`)).json()) as {
      attemptId: string;
    };
    await page.request.post(`/api/attempts/${first.attemptId}/submit`, { data: {} });
    await page.goto("/quiz/amazon-ec2");
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByText(/^0 of \d+ answered$/)).toBeVisible();

    const oneCard = page.getByRole("region", { name: "One card at a time" });
    const position = (await oneCard.getByText(/^Card 1 of \d+$/).textContent())!;
    const cards = Number(/of (\d+)/.exec(position)![1]);
    for (let i = 0; i < cards; i++)
      await oneCard.getByRole("button", { name: "Customer", exact: true }).tap();
    const signpost = page.locator(".quiz-after-cards");
    await expect(signpost).toBeFocused();
    await expect(signpost).toContainText(`After the ${cards} cards:`);
    await expect(signpost).toContainText(/Shared controls? in two halves/);
    await expect(page.locator('.quiz [aria-live="assertive"]')).toContainText(
      `All ${cards} cards placed. Below them:`,
    );
    // The first question below is in view, and the next Tab reaches one of its choices.
    await expect(page.locator(".quiz-group h2").first()).toBeInViewport();
    await expectNoAxeViolations(page, "after the last card");
  },
);
