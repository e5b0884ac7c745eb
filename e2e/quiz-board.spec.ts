import { expect, test, type Page } from "@playwright/test";
import { expectNoSidewaysScroll } from "./support/look";
import { newLearner, SEED_SLUG } from "./fixtures";
import { answerGridByKeyboard, answerMatrixByTouch } from "./support/quiz-matrix";

const QUIZ = `/quiz/${SEED_SLUG}`;

async function startQuiz(page: Page, path = QUIZ) {
  await page.goto(path);
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByText(/^0 of \d+ (placed|answered)$/)).toBeVisible();
}

const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

test("[LEARNER] drags cards from the bottom of the seed quiz's 15-card pool to each column with the mouse, the page scrolling as the card nears the top", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await newLearner(page.request);
  await startQuiz(page);
  await expect(page.getByRole("button", { name: "Whole board" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  const pool = page.getByRole("region", { name: "To place" });

  let placed = 0;
  for (const owner of ["AWS", "Customer", "Shared"]) {
    const column = page.getByRole("region", { name: owner, exact: true });
    const card = pool.getByRole("listitem").last();
    const name = (await card.getAttribute("aria-label"))!;
    await card.scrollIntoViewIfNeeded();
    const start = await scrollY(page);
    // The column's top, where its cards are listed, is off-screen when the drag begins.
    expect((await column.boundingBox())!.y).toBeLessThan(0);

    // Grab the card by its title, not by its buttons, and lift it past the drag threshold.
    const grip = (await card.locator(".quiz-card-prompt").boundingBox())!;
    await page.mouse.move(grip.x + 10, grip.y + grip.height / 2);
    await page.mouse.down();
    await page.mouse.move(grip.x + 20, grip.y + grip.height / 2 + 10, { steps: 4 });
    await expect(page.locator(".quiz-card-overlay")).toBeVisible();
    if (owner === "AWS") await page.screenshot({ path: testInfo.outputPath("dragging.png") });

    // Held near the top of the window over the column: @dnd-kit scrolls the page up.
    const columnBox = (await column.boundingBox())!;
    const x = columnBox.x + columnBox.width / 2;
    await page.mouse.move(x, 30, { steps: 12 });
    await expect.poll(() => scrollY(page), { timeout: 20_000 }).toBeLessThan(start - 400);
    const top = (await column.boundingBox())!.y;
    await page.mouse.move(x, Math.max(top + 80, 200), { steps: 6 });
    await expect(column).toHaveAttribute("data-over", "true");
    await page.screenshot({ path: testInfo.outputPath(`over-${owner}.png`) });
    await page.mouse.up();

    placed += 1;
    await expect(column.getByRole("listitem", { name })).toBeVisible();
    await expect(page.getByText(`${placed} of 33 answered`, { exact: true })).toBeVisible();
    await expect(page.locator(".quiz-card-overlay")).toHaveCount(0);
  }
  await page.screenshot({ path: testInfo.outputPath("three-dragged.png") });

  // A click on a card's button places it too.
  const next = pool.getByRole("listitem").first();
  const nextName = (await next.getAttribute("aria-label"))!;
  await next.getByRole("button", { name: `Place ${nextName} in Customer` }).click();
  await expect(
    page.getByRole("region", { name: "Customer", exact: true }).getByRole("listitem", {
      name: nextName,
    }),
  ).toBeVisible();
  await expect(page.getByText("4 of 33 answered", { exact: true })).toBeVisible();
  await expect(page.getByText("All answers saved.")).toBeVisible();

  // The drops were saved: a reload shows them where they were dropped.
  await page.reload();
  await expect(page.getByText("4 of 33 answered", { exact: true })).toBeVisible();
});

test(
  "[LEARNER] a reload right after a placement shows the card placed",
  { tag: "@phone" },
  async ({ page, isMobile }) => {
    await newLearner(page.request);
    await startQuiz(page, "/quiz/software-as-a-service-saas");
    if (isMobile) {
      const title = (await page.getByRole("heading", { level: 2 }).first().textContent())!;
      await page.getByRole("button", { name: "Shared", exact: true }).tap();
      // No wait for the save: the reload comes at once.
      await page.reload();
      await expect(page.getByText("1 of 7 placed", { exact: true })).toBeVisible();
      await page.getByRole("button", { name: "Whole board" }).tap();
      await expect(
        page.getByRole("region", { name: "Shared", exact: true }).getByRole("listitem", {
          name: title,
        }),
      ).toBeVisible();
    } else {
      const card = page.locator(".quiz-card").first();
      const name = (await card.getAttribute("aria-label"))!;
      await card.focus();
      await page.keyboard.press("3");
      await page.reload();
      await expect(page.getByText("1 of 7 placed", { exact: true })).toBeVisible();
      await expect(
        page.getByRole("region", { name: "Shared", exact: true }).getByRole("listitem", { name }),
      ).toBeVisible();
    }
    // And the server has it: it is still there after the save and another reload.
    await expect(page.getByText("All answers saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByText("1 of 7 placed", { exact: true })).toBeVisible();
  },
);

test(
  "[LEARNER] finishes the seed quiz on a phone one card at a time, with the big owner buttons",
  { tag: "@phone" },
  async ({ page, isMobile }, testInfo) => {
    test.skip(!isMobile, "the phone journey");
    await newLearner(page.request);
    await page.goto(QUIZ);
    await testInfo.attach("intro", { body: await page.screenshot(), contentType: "image/png" });
    await page.getByRole("button", { name: "Start quiz" }).tap();
    // 15 cards, then the service matrix's 21 cells: one count.
    await expect(page.getByText("0 of 33 answered", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "One card" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    // A touch screen gets no keyboard hints.
    await expect(page.locator(".quiz-keys-hint")).toBeHidden();
    await expectNoSidewaysScroll(page);
    await testInfo.attach("one card", { body: await page.screenshot(), contentType: "image/png" });

    const owners = ["AWS", "Customer", "Shared"];
    const oneCard = page.getByRole("region", { name: "One card at a time" });
    for (let i = 0; i < 15; i++) {
      await expect(page.getByText(`Card ${i + 1} of 15`)).toBeVisible();
      // The last card says what follows it: the matrix, below the cards.
      if (i === 14)
        await expect(oneCard.getByText("Last card. Below it: a service matrix.")).toBeVisible();
      await oneCard.getByRole("button", { name: owners[i % 3], exact: true }).tap();
      await expect(page.getByText(`${i + 1} of 33 answered`, { exact: true })).toBeVisible();
      if (i === 1) {
        // A swipe to the right goes back to the card just placed, showing its answer. (Touch
        // pointer events made in the page: a swipe sent through CDP leaves Chrome's gesture
        // detector swallowing the next tap's click.)
        await page.locator(".one-card-card").evaluate((card) => {
          const box = card.getBoundingClientRect();
          const y = box.top + box.height / 2;
          const at = (type: string, x: number) =>
            card.dispatchEvent(
              new PointerEvent(type, {
                pointerId: 7,
                pointerType: "touch",
                isPrimary: true,
                clientX: box.left + x,
                clientY: y,
                bubbles: true,
              }),
            );
          at("pointerdown", 40);
          at("pointermove", 160);
          at("pointerup", 280);
        });
        await expect(page.getByText("Card 2 of 15")).toBeVisible();
        await expect(
          oneCard.getByRole("button", { name: "Customer", exact: true }),
        ).toHaveAttribute("aria-pressed", "true");
        await testInfo.attach("placed card", {
          body: await page.screenshot(),
          contentType: "image/png",
        });
        await page.getByRole("button", { name: "Next card" }).tap();
      }
    }
    // Every card placed: on, with the focus, to the matrix below the cards, one service at a time.
    await expect(page.getByText("After the 15 cards: a service matrix.")).toBeFocused();
    await expect(page.getByRole("heading", { name: "Who runs each layer" })).toBeInViewport();
    await answerMatrixByTouch(page, "Customer");
    await expect(page.getByText("33 of 33 answered", { exact: true })).toBeVisible();
    const submit = page.getByRole("button", { name: "Submit answers" });
    await expect(submit).toBeVisible();
    await submit.tap();
    await expect(page.getByRole("heading", { name: /^Results/ })).toBeVisible();
    await expect(page).toHaveURL(/\?attempt=[\w-]+$/);
    await expect(page.getByText(/^\d+ of 33 right \(\d+%\)$/)).toBeVisible();
    await expectNoSidewaysScroll(page);
    await testInfo.attach("results", {
      body: await page.screenshot({ fullPage: true }),
      contentType: "image/png",
    });
  },
);

test(
  "[LEARNER] Back after submitting the seed quiz shows its results, and the quiz instructions are gone",
  { tag: "@phone" },
  async ({ page, isMobile }) => {
    await newLearner(page.request);
    await page.goto(`/lessons/${SEED_SLUG}`);
    await page.getByRole("link", { name: "Take the quiz" }).click();
    await page.getByRole("button", { name: "Start quiz" }).click();
    await expect(page.getByText(/Your answers save as you go/)).toBeVisible();
    if (isMobile) {
      const oneCard = page.getByRole("region", { name: "One card at a time" });
      for (let i = 0; i < 15; i++)
        await oneCard.getByRole("button", { name: "AWS", exact: true }).tap();
      await answerMatrixByTouch(page, "AWS");
    } else {
      await page.locator(".quiz-card").first().focus();
      for (let i = 0; i < 15; i++) await page.keyboard.press("1");
      await answerGridByKeyboard(page, 7, 3);
    }
    await expect(page.getByText("33 of 33 answered", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Submit answers" }).click();
    const results = page.getByRole("heading", { name: /^Results: / });
    await expect(results).toBeVisible();
    const resultsUrl = page.url();
    expect(resultsUrl).toMatch(/\?attempt=[\w-]+$/);
    await expect(page.getByText(/Your answers save as you go/)).toHaveCount(0);
    await expect(page.getByText(/Sort each/)).toHaveCount(0);

    await page.getByRole("link", { name: "See your progress" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your progress" })).toBeVisible();
    await page.goBack();
    await expect(results).toBeVisible();
    expect(page.url()).toBe(resultsUrl);
    await expect(page.getByRole("button", { name: "Submit answers" })).toHaveCount(0);

    // The results' own URL, opened afresh, shows them too.
    await page.goto(resultsUrl);
    await expect(results).toBeVisible();
  },
);

test("[LEARNER] picks a card up with Space, moves it across the columns with the arrow keys and drops it", async ({
  page,
}) => {
  await newLearner(page.request);
  await startQuiz(page, "/quiz/software-as-a-service-saas");
  const card = page.locator(".quiz-card").first();
  const name = (await card.getAttribute("aria-label"))!;
  await card.focus();
  await page.keyboard.press("Space");
  await expect(page.locator(".quiz-card-overlay")).toBeVisible();
  await afterSensorAttaches(page);
  // To place → AWS → Customer, then drop.
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("region", { name: "AWS", exact: true })).toHaveAttribute(
    "data-over",
    "true",
  );
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("region", { name: "Customer", exact: true })).toHaveAttribute(
    "data-over",
    "true",
  );
  await page.keyboard.press("Space");
  const customer = page.getByRole("region", { name: "Customer", exact: true });
  await expect(customer.getByRole("listitem", { name })).toBeVisible();
  await expect(page.getByText("1 of 7 placed", { exact: true })).toBeVisible();
  await expect(page.getByText(`Card ${name} placed in Customer.`)).toBeAttached();

  // Escape puts a held card back where it was.
  const next = page.locator(".quiz-card").first();
  await next.focus();
  await page.keyboard.press("Space");
  await expect(page.locator(".quiz-card-overlay")).toBeVisible();
  await afterSensorAttaches(page);
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("region", { name: "AWS", exact: true })).toHaveAttribute(
    "data-over",
    "true",
  );
  await page.keyboard.press("Escape");
  await expect(page.getByText("1 of 7 placed", { exact: true })).toBeVisible();
  await expect(page.locator(".quiz-card-overlay")).toHaveCount(0);
});

/**
 * dnd-kit's keyboard sensor starts listening for moves in a `setTimeout` after the pick-up, and a
 * key pressed before then is lost. A zero timeout queued now runs after the sensor's.
 */
async function afterSensorAttaches(page: Page) {
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}
