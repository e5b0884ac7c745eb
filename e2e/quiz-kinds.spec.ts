import { expect, test, type Locator, type Page } from "@playwright/test";
import { newLearner, SEED_SLUG } from "./fixtures";
import { attachScreenshot, expectNoAxeViolations, expectNoSidewaysScroll } from "./support/look";
import { answerGridByKeyboard } from "./support/quiz-matrix";

const SEED_QUIZ = `/quiz/${SEED_SLUG}`;
const EC2_QUIZ = "/quiz/amazon-ec2";

// Amazon EC2's "Patch management" is a Shared control in two halves (content/notes/Amazon EC2.md).
const PATCHING = "Patch management";
const AWS_PATCHING = "Running and maintaining the host operating system and virtualization layer";
const CUSTOMER_PATCHING = "Installing updates and security patches for the guest operating system";

async function startQuiz(page: Page, path: string) {
  await page.goto(path);
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByText(/^0 of \d+ answered$/)).toBeVisible();
}

/**
 * The learner's second attempt at a quiz, which asks each Shared control by its halves; the first
 * asks its owner (lib/quiz/fair-draw.ts). The first is taken and submitted through the API.
 */
async function startHalvesAttempt(page: Page, path: string) {
  const slug = path.replace("/quiz/", "");
  const first = (await (await page.request.post(`/api/quizzes/${slug}/attempts`)).json()) as {
    attemptId: string;
  };
  await page.request.post(`/api/attempts/${first.attemptId}/submit`, { data: {} });
  await page.goto(path);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByText(/^0 of \d+ answered$/)).toBeVisible();
}

/** The progress line's total: how many items the attempt has. */
async function totalItems(page: Page) {
  const text = await page.getByText(/^\d+ of \d+ answered$/).textContent();
  return Number(/of (\d+)/.exec(text ?? "")?.[1]);
}

const half = (page: Page, side: "AWS's part" | "The customer's part", control = PATCHING) =>
  page.getByRole("group", { name: `${side} of ${control}` });

/** Presses Tab until `target` has the focus, as a keyboard user would: at most `limit` times. */
async function tabTo(page: Page, target: Locator, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false))
      return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test("[LEARNER] answers the 12-service matrix of The Line Moves by Service by keyboard alone, and it is graded per cell", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await newLearner(page.request);
  await page.goto("/quiz/the-line-moves-by-service");
  await tabTo(page, page.getByRole("button", { name: "Start quiz" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("0 of 66 answered", { exact: true })).toBeVisible();

  const grid = page.getByRole("grid", { name: "Who owns each control, by service" });
  await expect(grid.getByRole("columnheader")).toHaveCount(13);
  await expect(grid.getByRole("rowheader")).toHaveCount(9);
  // 108 cells, 66 of them asked; the rest say "Not asked".
  await expect(grid.getByRole("gridcell")).toHaveCount(108);
  await expect(grid.getByRole("gridcell", { name: /: not answered$/ })).toHaveCount(66);
  // A grid wider than the page scrolls inside its own box; the page never scrolls sideways.
  await expectNoSidewaysScroll(page, "the 12-service matrix quiz");

  await tabTo(page, grid.getByRole("gridcell", { name: /: not answered$/ }).first());
  // 1 (AWS) in every cell: right exactly where the service notes say AWS.
  await answerGridByKeyboard(page, 9, 12, () => 1);
  await expect(page.getByText("66 of 66 answered", { exact: true })).toBeVisible();
  await expect(page.getByText("All answers saved.")).toBeVisible();
  await attachScreenshot(page, testInfo, "12-service matrix answered", { fullPage: false });

  await tabTo(page, page.getByRole("button", { name: /^Submit/ }));
  await page.keyboard.press("Enter");
  // Physical hosts on all 12 services; guest OS on Fargate, RDS and DynamoDB; engine patching on RDS
  // and DynamoDB; encryption at rest on Lambda, S3 and DynamoDB; backups on RDS: 21 cells are AWS's.
  await expect(
    page.getByRole("heading", { name: "Who owns each control, by service: 21 of 66 right" }),
  ).toBeVisible();
  await expectNoSidewaysScroll(page, "the 12-service matrix results");
});

test("[LEARNER] answers the seed quiz's service matrix with the keyboard only: arrows move, 1/2/3 answer, 0 and Backspace clear", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await newLearner(page.request);
  await startQuiz(page, SEED_QUIZ);
  await expect(page.getByText("0 of 33 answered", { exact: true })).toBeVisible();

  const grid = page.getByRole("grid", { name: "Who runs each layer" });
  await expect(grid).toBeVisible();
  // Headers for both the services and the layers.
  await expect(grid.getByRole("columnheader")).toHaveCount(4);
  await expect(grid.getByRole("columnheader", { name: /^IaaS/ })).toBeVisible();
  await expect(grid.getByRole("rowheader")).toHaveCount(7);
  await expect(grid.getByRole("rowheader", { name: "Guest operating system" })).toBeVisible();
  // 21 cells, three of them not asked: WorkSpaces' guest OS and applications, PaaS's guest OS.
  await expect(grid.getByRole("gridcell", { name: /: not answered$/ })).toHaveCount(18);
  await expect(grid.getByRole("gridcell", { name: "Not asked" })).toHaveCount(3);

  // One tab stop: the first cell. Tab from the card before the grid reaches it.
  const cells = grid.getByRole("gridcell");
  await expect(cells.first()).toHaveAttribute("tabindex", "0");
  await expect(grid.locator('[role="gridcell"][tabindex="0"]')).toHaveCount(1);
  await cells.first().focus();
  const cell = (row: string, column: RegExp | string, owner: string) =>
    grid.getByRole("gridcell", {
      name: new RegExp(
        `^${row} on ${typeof column === "string" ? column : column.source}.*: ${owner}$`,
      ),
    });

  await page.keyboard.press("1");
  await expect(cell("Physical infrastructure", /IaaS/, "AWS")).toBeFocused();
  await expect(cell("Physical infrastructure", /IaaS/, "AWS")).toContainText("AWS");
  await page.keyboard.press("ArrowDown");
  await expect(cell("Virtualization", /IaaS/, "not answered")).toBeFocused();
  await page.keyboard.press("1");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("2");
  await expect(cell("Guest operating system", /IaaS/, "Customer")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("3");
  await expect(cell("Applications", /PaaS/, "Shared")).toBeFocused();
  await expect(page.getByText("4 of 33 answered", { exact: true })).toBeVisible();
  // 0 clears; so does Backspace.
  await page.keyboard.press("0");
  await expect(cell("Applications", /PaaS/, "not answered")).toBeFocused();
  await page.keyboard.press("2");
  await page.keyboard.press("Backspace");
  await expect(cell("Applications", /PaaS/, "not answered")).toBeFocused();
  await expect(page.getByText("3 of 33 answered", { exact: true })).toBeVisible();
  // The edges hold: ArrowLeft twice from PaaS stops at IaaS.
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(cell("Applications", /IaaS/, "not answered")).toBeFocused();

  // The rest of the grid, row by row, by keyboard alone: Home, then 1/2/3 and ArrowRight.
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  for (let row = 0; row < 7; row++) {
    await page.keyboard.press("Home");
    for (let column = 0; column < 3; column++) {
      await page.keyboard.press(String(((row + column) % 3) + 1));
      if (column < 2) await page.keyboard.press("ArrowRight");
    }
    if (row < 6) await page.keyboard.press("ArrowDown");
  }
  await expect(page.getByText("18 of 33 answered", { exact: true })).toBeVisible();
  await expect(page.getByText("All answers saved.")).toBeVisible();
  await attachScreenshot(page, testInfo, "matrix answered", { fullPage: false });
  await expectNoAxeViolations(page, "quiz with a matrix");

  // Saved: a reload shows every cell as it was left.
  await page.reload();
  await expect(page.getByText("18 of 33 answered", { exact: true })).toBeVisible();
  await expect(cell("Data", /SaaS/, "(AWS|Customer|Shared)")).toBeVisible();

  await page.getByRole("button", { name: /^Submit/ }).click();
  await expect(page.getByRole("heading", { name: /^Results/ })).toBeVisible();
  // The graded matrix: every cell marked right or wrong in words, not colour alone.
  const graded = page
    .getByRole("table")
    .filter({ has: page.getByRole("columnheader", { name: /^IaaS/ }) });
  await expect(
    page.getByRole("heading", { name: /^Who runs each layer: \d+ of 18 right$/ }),
  ).toBeVisible();
  expect(await graded.getByText(/^(Right|Wrong)$/).count()).toBe(18);
  await graded.scrollIntoViewIfNeeded();
  await attachScreenshot(page, testInfo, "matrix results", { fullPage: false });
  await expectNoAxeViolations(page, "results with a matrix");
});

test(
  "[LEARNER] answers both halves of a Shared control on a service note with native radios",
  { tag: "@phone" },
  async ({ page, isMobile }, testInfo) => {
    if (!isMobile) await page.setViewportSize({ width: 1280, height: 800 });
    await newLearner(page.request);
    await startHalvesAttempt(page, EC2_QUIZ);
    const total = await totalItems(page);

    await expect(
      page.getByRole("region", { name: PATCHING }).getByRole("heading", { name: PATCHING }),
    ).toBeVisible();
    const aws = half(page, "AWS's part");
    const customer = half(page, "The customer's part");
    await expect(aws.getByRole("radio")).toHaveCount(3);
    if (isMobile) {
      await aws.getByRole("radio", { name: new RegExp(AWS_PATCHING) }).tap();
      await customer.getByRole("radio", { name: new RegExp(CUSTOMER_PATCHING) }).tap();
    } else {
      // Keyboard: the arrow keys move the choice within a group, Space picks.
      await aws.getByRole("radio").first().focus();
      await page.keyboard.press("Space");
      await expect(aws.getByRole("radio").first()).toBeChecked();
      await page.keyboard.press("ArrowDown");
      await expect(aws.getByRole("radio").nth(1)).toBeChecked();
      await aws.getByRole("radio", { name: new RegExp(AWS_PATCHING) }).check();
      await customer.getByRole("radio", { name: new RegExp(CUSTOMER_PATCHING) }).check();
    }
    await expect(aws.getByRole("radio", { name: new RegExp(AWS_PATCHING) })).toBeChecked();
    await expect(page.getByText(`2 of ${total} answered`, { exact: true })).toBeVisible();
    await expect(page.getByText("All answers saved.")).toBeVisible();
    await aws.scrollIntoViewIfNeeded();
    await attachScreenshot(page, testInfo, "split answered", { fullPage: false });
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page, "quiz with a split");

    await page.getByRole("button", { name: /^Submit/ }).click();
    await expect(page.getByRole("heading", { name: /^Results/ })).toBeVisible();
    // Both halves right: shown with the statement picked, once the right ones are shown.
    await page.getByRole("button", { name: /^Show the \d+ right ones too$/ }).click();
    const right = page
      .locator("#results-list > li")
      .filter({ hasText: AWS_PATCHING })
      .filter({ hasText: "You picked:" });
    await expect(right.first()).toContainText("Right");
    await expectNoSidewaysScroll(page);
  },
);

test(
  "[LEARNER] on a phone, the matrix shows one service at a time with large owner buttons",
  { tag: "@phone" },
  async ({ page, isMobile }, testInfo) => {
    test.skip(!isMobile, "the phone layout");
    await newLearner(page.request);
    await startQuiz(page, SEED_QUIZ);
    const matrix = page.getByRole("region", { name: "Who runs each layer" });
    await matrix.scrollIntoViewIfNeeded();
    await expect(matrix.getByText("Service 1 of 3")).toBeVisible();
    await expect(matrix.getByRole("grid")).toHaveCount(0);
    await matrix
      .getByRole("group", { name: /^Physical infrastructure on IaaS/ })
      .getByRole("button", { name: "AWS" })
      .tap();
    await expect(
      matrix
        .getByRole("group", { name: /^Physical infrastructure on IaaS/ })
        .getByRole("button", { name: "AWS" }),
    ).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByText("1 of 33 answered", { exact: true })).toBeVisible();
    await matrix.getByRole("button", { name: "Next service" }).tap();
    await expect(matrix.getByText("Service 2 of 3")).toBeVisible();
    await matrix
      .getByRole("group", { name: /^Data on PaaS/ })
      .getByRole("button", { name: "Customer" })
      .tap();
    await expect(page.getByText("2 of 33 answered", { exact: true })).toBeVisible();
    await attachScreenshot(page, testInfo, "matrix on a phone", { fullPage: false });
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page, "phone matrix");
  },
);

test("[LEARNER] says sure, gets it wrong on purpose, and finds it under Confidently wrong", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await newLearner(page.request);
  await startHalvesAttempt(page, EC2_QUIZ);
  await expect(
    page.getByText(/sure and right comes back later; unsure comes back sooner/i),
  ).toBeVisible();

  const sure = page
    .getByRole("group", { name: `How sure are you of ${PATCHING}?` })
    .getByRole("button", { name: "Sure", exact: true });
  await sure.click();
  await expect(sure).toHaveAttribute("aria-pressed", "true");
  // The customer's statement as AWS's part: wrong.
  await half(page, "AWS's part")
    .getByRole("radio", { name: new RegExp(CUSTOMER_PATCHING) })
    .check();
  await expect(page.getByText("All answers saved.")).toBeVisible();

  await page.getByRole("button", { name: /^Submit/ }).click();
  await expect(page.getByRole("heading", { name: /^Results/ })).toBeVisible();
  const section = page.getByRole("region", { name: "Confidently wrong (1)" });
  await expect(section.getByRole("heading", { name: "Confidently wrong (1)" })).toBeVisible();
  await expect(section).toContainText("You said sure");
  await expect(section).toContainText(CUSTOMER_PATCHING);
  await expect(section).toContainText("The right statement:");
  await expect(section).toContainText(AWS_PATCHING);
  await expect(section.getByRole("link", { name: "Read this in the lesson" })).toBeVisible();
  // Listed before everything else that was missed.
  const headings = await page.getByRole("heading", { level: 3 }).allTextContents();
  expect(headings.indexOf("Confidently wrong (1)")).toBeLessThan(
    headings.findIndex((h) => h.startsWith("Also missed")),
  );
  await section.scrollIntoViewIfNeeded();
  await attachScreenshot(page, testInfo, "confidently wrong", { fullPage: false });
  await expectNoAxeViolations(page, "results with confidently wrong");
});

test("[LEARNER] a reload right after picking a statement keeps it and its confidence; the server has it too", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await newLearner(page.request);
  await startHalvesAttempt(page, EC2_QUIZ);
  const total = await totalItems(page);

  await page
    .getByRole("group", { name: `How sure are you of ${PATCHING}?` })
    .getByRole("button", { name: "Unsure" })
    .click();
  await half(page, "The customer's part")
    .getByRole("radio", { name: new RegExp(CUSTOMER_PATCHING) })
    .check();
  // At once, inside the autosave's debounce: the tab's journal carries it over.
  await page.reload();
  await expect(page.getByText(`1 of ${total} answered`, { exact: true })).toBeVisible();
  await expect(
    half(page, "The customer's part").getByRole("radio", { name: new RegExp(CUSTOMER_PATCHING) }),
  ).toBeChecked();
  const unsure = page
    .getByRole("group", { name: `How sure are you of ${PATCHING}?` })
    .getByRole("button", { name: "Unsure" });
  await expect(unsure).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("All answers saved.")).toBeVisible();

  // Another tab has no journal: what it shows came from the server.
  const other = await page.context().newPage();
  await other.setViewportSize({ width: 1280, height: 800 });
  await other.goto(EC2_QUIZ);
  await expect(other.getByText(`1 of ${total} answered`, { exact: true })).toBeVisible();
  await expect(
    half(other, "The customer's part").getByRole("radio", { name: new RegExp(CUSTOMER_PATCHING) }),
  ).toBeChecked();
  await expect(
    other
      .getByRole("group", { name: `How sure are you of ${PATCHING}?` })
      .getByRole("button", { name: "Unsure" }),
  ).toHaveAttribute("aria-pressed", "true");
});

test(
  "[LEARNER] works through an incident scenario: whose failure, which control, then the explanation with its lessons",
  { tag: "@phone" },
  async ({ page, isMobile }, testInfo) => {
    await newLearner(page.request);
    await startQuiz(page, "/quiz/amazon-s3");
    const story = page.getByRole("region", { name: "A public S3 bucket leaks order records" });
    await story.scrollIntoViewIfNeeded();
    await expect(story.getByText(/A security researcher emails a retailer/)).toBeVisible();
    const whose = story.getByRole("group", { name: "Who should have prevented this failure?" });
    const which = story.getByRole("group", { name: "Which control failed?" });
    await expect(whose.getByRole("radio")).toHaveCount(3);
    await expect(which.getByRole("radio")).toHaveCount(3);
    const pick = async (radio: ReturnType<typeof page.getByRole>) =>
      isMobile ? radio.tap() : radio.check();
    await pick(whose.getByRole("radio", { name: "Customer" }));
    await pick(which.getByRole("radio", { name: /^Block Public Access was turned off/ }));
    await story.getByRole("button", { name: "Sure", exact: true }).click();
    await expect(page.getByText("2 of 14 answered", { exact: true })).toBeVisible();
    await expect(page.getByText("All answers saved.")).toBeVisible();
    await attachScreenshot(page, testInfo, "incident scenario", { fullPage: false });
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page, "quiz with an incident scenario");

    // A reload keeps both parts and the confidence: they were saved.
    await page.reload();
    await expect(page.getByText("2 of 14 answered", { exact: true })).toBeVisible();
    await expect(
      page
        .getByRole("group", { name: "Which control failed?" })
        .getByRole("radio", { name: /^Block Public Access was turned off/ }),
    ).toBeChecked();

    await page.getByRole("button", { name: /^Submit/ }).click();
    await expect(page.getByRole("heading", { name: /^Results/ })).toBeVisible();
    await page.getByRole("button", { name: /^Show the \d+ right ones? too$/ }).click();
    const control = page
      .locator("#results-list > li")
      .filter({ hasText: "Which control failed?" })
      .filter({ hasText: /Block Public Access was turned off/ });
    await expect(control).toContainText("Right");
    await expect(control).toContainText("You said sure");
    // The explanation sends the learner to every lesson the story involves.
    await expect(control.getByRole("link", { name: "Read this in the lesson" })).toHaveAttribute(
      "href",
      "/lessons/amazon-s3#scenario-public-s3-bucket-leak",
    );
    await expect(control.getByRole("link", { name: "AWS IAM" })).toHaveAttribute(
      "href",
      "/lessons/aws-iam",
    );
    await expectNoSidewaysScroll(page);
  },
);
