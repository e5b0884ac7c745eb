import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { answerAll, newLearner, SEED_SLUG, signIn } from "./fixtures";
import { setSubmittedAt } from "./support/backdate";
import { attachScreenshot, expectNoSidewaysScroll } from "./support/look";

/**
 * Issue #26, points 4 and 5: results open on the score, and dates are the viewer's own.
 *
 * The attempts of the date journeys are made through the API and then stamped at fixed instants
 * (support/backdate.ts): three in the evening of 7 Dec 2025 in UTC, which is the morning of 8 Dec in
 * Tokyo and still midday of the 7th in Los Angeles, and one in the small hours of 10 Dec UTC, the
 * evening of the 9th in Los Angeles. The server's clock is pinned after them for these browsers
 * (the test-now cookie), so no check depends on when, or in which zone, the tests run.
 */
const ATTEMPTS = [
  { at: "2025-12-07T20:00:00.000Z", owner: "AWS" },
  { at: "2025-12-07T21:00:00.000Z", owner: "CUSTOMER" },
  { at: "2025-12-07T22:30:00.000Z", owner: "SHARED" },
  { at: "2025-12-10T02:00:00.000Z", owner: "AWS" },
] as const;
const CLOCK = "2025-12-12T12:00:00.000Z";
const QUIZ = "aws-artifact";
const QUIZ_TITLE = "AWS Artifact";

/** What each zone should show: the day each attempt is drawn on, and its time in the table. */
const ZONES = {
  UTC: {
    days: ["7 Dec", "7 Dec", "7 Dec", "10 Dec"],
    times: ["7 Dec 2025, 20:00", "7 Dec 2025, 21:00", "7 Dec 2025, 22:30", "10 Dec 2025, 02:00"],
  },
  "America/Los_Angeles": {
    days: ["7 Dec", "7 Dec", "7 Dec", "9 Dec"],
    times: ["7 Dec 2025, 12:00", "7 Dec 2025, 13:00", "7 Dec 2025, 14:30", "9 Dec 2025, 18:00"],
  },
  "Asia/Tokyo": {
    days: ["8 Dec", "8 Dec", "8 Dec", "10 Dec"],
    times: ["8 Dec 2025, 05:00", "8 Dec 2025, 06:00", "8 Dec 2025, 07:30", "10 Dec 2025, 11:00"],
  },
} as const;
type Zone = keyof typeof ZONES;

async function pinClock(page: Page, baseURL: string | undefined) {
  await page
    .context()
    .addCookies([{ name: "test-now", value: CLOCK, url: baseURL ?? "http://localhost" }]);
}

/** Takes the quiz once per entry of ATTEMPTS through the API, each stamped at its instant. */
async function takeQuizzesAtFixedTimes(learner: APIRequestContext) {
  for (const { at, owner } of ATTEMPTS) {
    const started = await learner.post(`/api/quizzes/${QUIZ}/attempts`);
    expect(started.ok()).toBe(true);
    const { attemptId, items } = (await started.json()) as {
      attemptId: string;
      items: Array<{ id: string; options: Array<{ key: string }> }>;
    };
    const submitted = await learner.post(`/api/attempts/${attemptId}/submit`, {
      data: { answers: answerAll(items, owner) },
    });
    expect(submitted.status()).toBe(200);
    await setSubmittedAt(attemptId, new Date(at));
  }
}

/**
 * Each marker of the chart with the date label under the axis nearest to it, left to right: a point
 * is read as being on the day whose label it sits over.
 */
async function markersAndDays(chart: Locator) {
  return chart.evaluate((svg) => {
    const middle = (e: Element) => {
      const box = e.getBoundingClientRect();
      return box.left + box.width / 2;
    };
    const labels = [...svg.querySelectorAll("text[data-day]")].map((t) => ({
      text: t.textContent ?? "",
      x: middle(t),
    }));
    return [...svg.querySelectorAll("g[data-series] > g")]
      .map((marker) => {
        const x = middle(marker);
        const nearest = [...labels].sort((a, b) => Math.abs(a.x - x) - Math.abs(b.x - x))[0];
        return { x, day: nearest?.text ?? "" };
      })
      .sort((a, b) => a.x - b.x);
  });
}

/** The chart's dates as its viewer should read them, in the drawing and in the figures table. */
async function expectChartIn(page: Page, chartName: RegExp, zone: Zone) {
  const expected = ZONES[zone];
  const chart = page.getByRole("img", { name: chartName });
  await expect(chart).toBeVisible();
  await page.getByText(/the figures as a table$/).click();
  const table = page.getByRole("table", { name: /: figures$/ });
  // Rendered in UTC by the server, laid out again in the browser's own zone once it hydrates.
  await expect(table.getByRole("rowheader")).toHaveText([...expected.times]);
  const markers = await markersAndDays(chart);
  expect(markers.map((m) => m.day)).toEqual([...expected.days]);
  // Three attempts on one day are three points, apart by more than a marker's width.
  const gaps = markers.slice(1).map((m, i) => m.x - markers[i].x);
  expect(Math.min(...gaps)).toBeGreaterThan(8);
  await expect(chart).toHaveAccessibleName(
    new RegExp(`Latest: ${QUIZ_TITLE}: \\d+% on ${expected.times[3]}`),
  );
}

for (const zone of Object.keys(ZONES) as Zone[]) {
  test.describe(`in a browser in ${zone}`, () => {
    test.use({ timezoneId: zone });

    test(
      `[LEARNER] the progress chart and history draw attempts on their days in ${zone}, three on one day as three points`,
      { tag: "@phone" },
      async ({ page, isMobile, baseURL }, testInfo) => {
        if (!isMobile) await page.setViewportSize({ width: 1280, height: 800 });
        await newLearner(page.request, "Chart Learner");
        await takeQuizzesAtFixedTimes(page.request);
        await pinClock(page, baseURL);
        await page.goto("/progress");
        await expectChartIn(page, /^Your quiz scores by date/, zone);

        const history = page.getByRole("table", { name: "Quiz history" });
        const newestFirst = [...ZONES[zone].times].reverse();
        for (const [i, when] of newestFirst.entries())
          await expect(history.getByRole("row").nth(i + 1)).toContainText(when);
        await expectNoSidewaysScroll(page);
        if (zone !== "UTC") {
          await page
            .getByRole("heading", { name: "Scores over time" })
            .evaluate((h) => h.scrollIntoView());
          await attachScreenshot(page, testInfo, `progress chart ${zone}`, { fullPage: false });
        }
      },
    );

    test(
      `[INSTRUCTOR] the learner drill-down draws their attempts on the instructor's days in ${zone}`,
      { tag: "@phone" },
      async ({ page, playwright, baseURL, isMobile }, testInfo) => {
        if (!isMobile) await page.setViewportSize({ width: 1280, height: 800 });
        await signIn(page.request, "instructor@example.com");
        const learner = await playwright.request.newContext({ baseURL });
        const { id: learnerId } = await newLearner(learner, "Dated Learner");
        const team = (await (
          await page.request.post("/api/teams", { data: { name: `Dates ${zone}` } })
        ).json()) as { id: string; inviteCode: string };
        expect(
          (await learner.post("/api/teams/join", { data: { code: team.inviteCode } })).status(),
        ).toBe(200);
        await takeQuizzesAtFixedTimes(learner);
        await learner.dispose();
        await pinClock(page, baseURL);

        await page.goto(`/teams/${team.id}/learners/${learnerId}`);
        await expectChartIn(page, /^Quiz scores by date/, zone);
        // Each attempt in the history is dated on the instructor's clock too, newest first.
        const attempts = page.getByRole("region", { name: "Attempt history" });
        const summaries = attempts.locator("summary");
        await expect(summaries).toHaveCount(4);
        for (const [i, when] of [...ZONES[zone].times].reverse().entries())
          await expect(summaries.nth(i)).toContainText(when);
        await expectNoSidewaysScroll(page);
        if (zone === "Asia/Tokyo")
          await attachScreenshot(page, testInfo, "drill-down chart Tokyo", { fullPage: false });
      },
    );
  });
}

/** The score line of the results, and the heading that takes focus with it. */
async function expectResultsOnScore(page: Page, heading: Locator) {
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  const score = page.getByRole("status").filter({ hasText: /^\d+ of \d+ right \(\d+%\)$/ });
  await expect(score).toBeInViewport();
  // A screen reader reads the score with the heading it lands on.
  await expect(heading).toHaveAccessibleDescription(/^\d+ of \d+ right \(\d+%\)$/);
}

test(
  "[LEARNER] submitting a long practice test lands on its score, focused, not on what was missed",
  { tag: "@phone" },
  async ({ page, isMobile }, testInfo) => {
    if (!isMobile) await page.setViewportSize({ width: 1280, height: 800 });
    await newLearner(page.request, "Results Learner");
    const created = await page.request.post("/api/practice-tests", { data: { size: 20 } });
    expect(created.status()).toBe(201);
    const { attemptId } = (await created.json()) as { attemptId: string };
    const { items } = (await (await page.request.get(`/api/attempts/${attemptId}`)).json()) as {
      items: Array<{ id: string; options: Array<{ key: string }> }>;
    };
    // Saved as the board saves them, so that the page opens with every question answered.
    const saved = await page.request.put(`/api/attempts/${attemptId}/answers`, {
      data: { answers: answerAll(items, "AWS") },
    });
    expect(saved.ok()).toBe(true);

    await page.goto(`/practice/${attemptId}`);
    const submit = page.getByRole("button", { name: /^Submit/ });
    await submit.scrollIntoViewIfNeeded();
    await submit.click();

    const heading = page.getByRole("heading", { level: 2, name: "Results" });
    await expectResultsOnScore(page, heading);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await attachScreenshot(page, testInfo, "practice results on arrival", { fullPage: false });

    // Back here later is not an arrival: the heading does not take focus again.
    await page.getByRole("link", { name: "See your progress" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your progress" })).toBeVisible();
    await page.goBack();
    await expect(heading).toBeVisible();
    await expect(heading).not.toBeFocused();
  },
);

test(
  "[LEARNER] submitting the seed quiz lands on its score, focused",
  { tag: "@phone" },
  async ({ page, isMobile }) => {
    if (!isMobile) await page.setViewportSize({ width: 1280, height: 800 });
    await newLearner(page.request, "Quiz Results Learner");
    const started = await page.request.post(`/api/quizzes/${SEED_SLUG}/attempts`);
    const { attemptId, items } = (await started.json()) as {
      attemptId: string;
      items: Array<{ id: string; options: Array<{ key: string }> }>;
    };
    const saved = await page.request.put(`/api/attempts/${attemptId}/answers`, {
      data: { answers: answerAll(items, "CUSTOMER") },
    });
    expect(saved.ok()).toBe(true);

    await page.goto(`/quiz/${SEED_SLUG}`);
    const submit = page.getByRole("button", { name: /^Submit/ });
    await submit.scrollIntoViewIfNeeded();
    await submit.click();
    await expect(page).toHaveURL(new RegExp(`\\?attempt=${attemptId}$`));
    await expectResultsOnScore(
      page,
      page.getByRole("heading", { name: "Results: AWS Shared Responsibility Model" }),
    );
  },
);
