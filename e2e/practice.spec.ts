import { expect, test, type Page } from "@playwright/test";
import { newLearner, SEED_SLUG } from "./fixtures";
import { attachScreenshot, expectNoAxeViolations, expectNoSidewaysScroll } from "./support/look";

const SEED_TITLE = "AWS Shared Responsibility Model";

/** Tabs from the top of the page until a quiz card has focus. */
async function focusFirstCard(page: Page) {
  await page.locator("body").focus();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement?.classList.contains("quiz-card"))) return;
  }
  throw new Error("no quiz card took focus");
}

const attemptIdOf = (page: Page) => /\/practice\/([\w-]+)$/.exec(page.url())?.[1] ?? "";

/** The rows of a score table ("By lesson", "By kind of question"): each name and its "right/total". */
async function partScores(page: Page, caption: string) {
  const rows = page.getByRole("table", { name: caption }).getByRole("row");
  const parts: Array<{ name: string; correct: number; total: number }> = [];
  for (const row of (await rows.all()).slice(1)) {
    const name = (await row.getByRole("rowheader").textContent()) ?? "";
    const [correct, total] = ((await row.getByRole("cell").first().textContent()) ?? "")
      .split("/")
      .map(Number);
    parts.push({ name, correct, total });
  }
  return parts;
}

test("[LEARNER] sets up a practice test from two lessons, takes it, sees the score by lesson and kind, and retakes it", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await newLearner(page.request, "Practice Learner");
  await page.goto("/progress");
  await page.getByRole("link", { name: "start a practice test" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Practice test" })).toBeVisible();

  const lessons = page.getByRole("group", { name: "Lessons" });
  await expect(lessons.getByRole("checkbox", { name: /^All lessons/ })).toBeChecked();
  await expect(page.getByLabel("Number of questions")).toHaveValue("20");
  await expect(page.getByRole("radio", { name: "None" })).toBeChecked();
  // Only the kinds some lesson has are offered.
  const kinds = page.getByRole("group", { name: "Kinds of question" });
  await expect(kinds.getByRole("checkbox")).toHaveCount(5);
  for (const kind of [
    "Who owns each control",
    "Service by service",
    "Service matrix",
    "The two halves of Shared",
    "Incident scenarios",
  ])
    await expect(kinds.getByRole("checkbox", { name: kind })).toBeChecked();
  await attachScreenshot(page, testInfo, "practice setup");
  await expectNoAxeViolations(page, "/practice");

  // Nothing picked and too few questions: each field says what is wrong, and keeps its value.
  await lessons.getByRole("checkbox", { name: /^All lessons/ }).uncheck();
  await page.getByLabel("Number of questions").fill("3");
  await page.getByRole("button", { name: "Start practice test" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Some fields are not valid." }),
  ).toBeVisible();
  await expect(lessons).toHaveAccessibleDescription("Pick at least one lesson");
  await expect(page.getByLabel("Number of questions")).toHaveAccessibleDescription(
    /A practice test has at least 5 questions/,
  );
  await expect(page.getByLabel("Number of questions")).toHaveValue("3");
  await expectNoAxeViolations(page, "/practice with errors");

  await lessons.getByRole("checkbox", { name: new RegExp(`^${SEED_TITLE}`) }).check();
  await lessons.getByRole("checkbox", { name: /^AWS IAM\b/ }).check();
  await expect(lessons.getByRole("checkbox", { name: /^All lessons/ })).not.toBeChecked();
  // Cards to sort only, so that the board alone holds the test (other kinds have their journeys).
  for (const kind of ["Service matrix", "The two halves of Shared", "Incident scenarios"])
    await kinds.getByRole("checkbox", { name: kind }).uncheck();
  await page.getByLabel("Number of questions").fill("10");
  await page.getByRole("button", { name: "Start practice test" }).click();

  await expect(page).toHaveURL(/\/practice\/[\w-]+$/);
  const firstId = attemptIdOf(page);
  await expect(
    page.getByText(
      "10 questions from 2 lessons · Who owns each control, service by service · no time limit",
    ),
  ).toBeVisible();
  await expect(page.getByText("0 of 10 placed", { exact: true })).toBeVisible();
  // Untimed: no countdown.
  await expect(page.getByRole("timer")).toHaveCount(0);

  await focusFirstCard(page);
  for (let placed = 1; placed <= 10; placed++) {
    await page.keyboard.press(placed % 2 ? "1" : "2");
    await expect(page.getByText(`${placed} of 10 placed`, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole("button", { name: "Submit answers" })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { name: "Results" })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/practice/${firstId}$`));
  const score = await page
    .getByRole("status")
    .filter({ hasText: / of 10 right/ })
    .textContent();
  const correct = Number(/(\d+) of 10/.exec(score ?? "")?.[1]);

  // The score by lesson and by kind: each adds up to the whole.
  const byLesson = await partScores(page, "By lesson");
  expect(byLesson.map((p) => p.name).every((n) => [SEED_TITLE, "AWS IAM"].includes(n))).toBe(true);
  const byKind = await partScores(page, "By kind of question");
  expect(
    byKind
      .map((p) => p.name)
      .every((n) => ["Who owns each control", "Service by service"].includes(n)),
  ).toBe(true);
  for (const parts of [byLesson, byKind]) {
    expect(parts.reduce((sum, p) => sum + p.total, 0)).toBe(10);
    expect(parts.reduce((sum, p) => sum + p.correct, 0)).toBe(correct);
  }
  const server = (await (await page.request.get(`/api/attempts/${firstId}`)).json()) as {
    byNote: Array<{ title: string; correct: number; total: number }>;
    byKind: Array<{ title: string; correct: number; total: number }>;
  };
  expect(byLesson).toEqual(
    server.byNote.map((p) => ({ name: p.title, correct: p.correct, total: p.total })),
  );
  expect(byKind).toEqual(
    server.byKind.map((p) => ({ name: p.title, correct: p.correct, total: p.total })),
  );
  await expect(page.locator("#results-list").getByRole("listitem")).toHaveCount(10 - correct);
  await expect(page.getByRole("link", { name: "New practice test" })).toHaveAttribute(
    "href",
    "/practice",
  );
  await attachScreenshot(page, testInfo, "practice results");
  await expectNoAxeViolations(page, "practice results");

  await page.getByRole("button", { name: "Retake with the same settings" }).click();
  await expect(page.getByText("0 of 10 placed", { exact: true })).toBeVisible();
  const retakeId = attemptIdOf(page);
  expect(retakeId).not.toBe(firstId);
  const retake = (await (await page.request.get(`/api/attempts/${retakeId}`)).json()) as {
    kind: string;
    practice: unknown;
    items: unknown[];
  };
  expect(retake.kind).toBe("practice");
  expect(retake.practice).toEqual({
    notes: [SEED_SLUG, "aws-iam"],
    kinds: ["assign", "service"],
    size: 10,
    timeLimitMinutes: null,
  });
  expect(retake.items).toHaveLength(10);

  // The submitted test is in the history as a practice test, and leads back to its results.
  await page.goto("/progress");
  await page
    .getByRole("table", { name: "Quiz history" })
    .getByRole("link", { name: "Practice test" })
    .click();
  await expect(page).toHaveURL(new RegExp(`/practice/${firstId}$`));
  await expect(page.getByRole("heading", { name: "Results" })).toBeVisible();
});

/*
 * The time limit has two halves, tested where each can be driven:
 * - the server's: an attempt read, saved or submitted past its deadline is submitted with what was
 *   saved before it, and answers sent late are ignored. The server's clock is real, and a real
 *   minute is too long for a journey, so tests/db/item-kinds.test.ts covers it with a clock passed in
 *   ("a practice test is submitted by the server at its time limit…").
 * - the browser's, here: Playwright's page.clock runs the countdown down from the server's time
 *   left; it announces 5 minutes, 1 minute and time up (and nothing between), and at zero refreshes
 *   the page. That the refreshed page shows the results is checked by submitting the attempt through
 *   the API just before zero, as the server itself does at the deadline.
 */
test("[LEARNER] a timed practice test counts down, announces 5 minutes, 1 minute and time up, and shows the result at zero", async ({
  page,
}, testInfo) => {
  await newLearner(page.request, "Timed Learner");
  const created = await page.request.post("/api/practice-tests", {
    data: { notes: [SEED_SLUG], kinds: ["assign"], size: 5, timeLimitMinutes: 10 },
  });
  expect(created.status()).toBe(201);
  const { attemptId } = (await created.json()) as { attemptId: string };

  await page.clock.install();
  await page.goto(`/practice/${attemptId}`);
  const timer = page.getByRole("timer", { name: "Time left" });
  await expect(timer).toHaveText(/^(10:00|09:5\d)$/);
  await expect(page.getByText("When time is up, your saved answers are submitted.")).toBeVisible();
  await attachScreenshot(page, testInfo, "practice timed");
  const spoken = page.locator(".practice-timer [aria-live]");
  await expect(spoken).toHaveText("");

  await page.clock.fastForward("02:00");
  await expect(timer).toHaveText(/^0[78]:5\d$/);
  await expect(spoken).toHaveText("");

  await page.clock.fastForward("03:00");
  await expect(timer).toHaveText(/^04:5\d$/);
  await expect(spoken).toHaveText("5 minutes left.");

  await page.clock.fastForward("04:00");
  await expect(timer).toHaveText(/^00:5\d$/);
  await expect(spoken).toHaveText("1 minute left.");

  // One answer, saved before the deadline.
  await focusFirstCard(page);
  await page.keyboard.press("2");
  await expect(page.getByText("1 of 5 placed", { exact: true })).toBeVisible();
  await expect(page.getByText("All answers saved.")).toBeVisible();

  // The server's half, as it does it at the deadline: submitted with what was saved.
  expect(
    (await page.request.post(`/api/attempts/${attemptId}/submit`, { data: {} })).status(),
  ).toBe(200);

  // Hold the refresh until the page has said that time is up.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let refreshes = 0;
  await page.route(`**/practice/${attemptId}*`, async (route) => {
    if (route.request().headers()["rsc"]) {
      refreshes++;
      await held;
    }
    await route.continue();
  });
  await page.clock.fastForward("01:00");
  await expect(page.getByRole("timer", { name: "Time is up" })).toHaveText("00:00");
  await expect(spoken).toHaveText("Time is up. Your saved answers are being submitted.");
  await expect.poll(() => refreshes).toBeGreaterThan(0);
  release();

  await expect(page.getByRole("heading", { name: "Results" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: / of 5 right/ })).toBeVisible();
  await expect(page.getByRole("timer")).toHaveCount(0);
});

test(
  "[LEARNER] sets up a practice test on a phone and reads its results there",
  { tag: "@phone" },
  async ({ page, isMobile }, testInfo) => {
    await newLearner(page.request, "Phone Practice Learner");
    await page.goto("/");
    const menu = page.getByRole("button", { name: "Menu" });
    if (await menu.isVisible()) await menu.click();
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Practice" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Practice test" })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await attachScreenshot(page, testInfo, "practice setup phone");

    await page.getByRole("checkbox", { name: /^All lessons/ }).uncheck();
    await page.getByRole("checkbox", { name: /^AWS Shield\b/ }).check();
    for (const kind of ["Service matrix", "The two halves of Shared", "Incident scenarios"])
      await page.getByRole("checkbox", { name: kind }).uncheck();
    await page.getByLabel("Number of questions").fill("5");
    await page.getByRole("radio", { name: "20 min" }).check();
    await page.getByRole("button", { name: "Start practice test" }).click();

    await expect(page).toHaveURL(/\/practice\/[\w-]+$/);
    await expect(page.getByRole("timer", { name: "Time left" })).toHaveText(/^(20:00|19:5\d)$/);
    await expect(page.getByText("0 of 5 placed", { exact: true })).toBeVisible();
    if (isMobile) {
      await expect(page.getByRole("button", { name: "One card" })).toHaveAttribute(
        "aria-pressed",
        "true",
      );
    }
    await expectNoSidewaysScroll(page);
    await attachScreenshot(page, testInfo, "practice in progress phone");

    // Answered and submitted through the API, as the board would: the results page is what is read.
    const attemptId = attemptIdOf(page);
    const { items } = (await (await page.request.get(`/api/attempts/${attemptId}`)).json()) as {
      items: Array<{ id: string }>;
    };
    const answers = items.map((item, i) => ({
      itemId: item.id,
      choice: i % 2 ? "AWS" : "CUSTOMER",
    }));
    expect(
      (await page.request.post(`/api/attempts/${attemptId}/submit`, { data: { answers } })).ok(),
    ).toBe(true);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Results" })).toBeVisible();
    await expect(page.getByRole("table", { name: "By lesson" })).toContainText("AWS Shield");
    // AWS Shield is a service: its controls are asked service by service.
    await expect(page.getByRole("table", { name: "By kind of question" })).toContainText(
      "Service by service",
    );
    await expectNoSidewaysScroll(page);
    await attachScreenshot(page, testInfo, "practice results phone");
  },
);
