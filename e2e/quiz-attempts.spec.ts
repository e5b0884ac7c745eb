import { expect, test, type Page } from "@playwright/test";
import { answerAll, newLearner } from "./fixtures";
import { query } from "./support/db-snapshot";

const QUIZ = "/quiz/software-as-a-service-saas";

/** The learner's attempts, read from the database the e2e server uses. */
async function attemptsOf(userId: string) {
  expect(userId).toMatch(/^[\w-]+$/);
  return query<{ kind: string; status: string }>(
    `SELECT "kind", "status" FROM "Attempt" WHERE "userId" = '${userId}'`,
  );
}

/** Places every card of the open board in AWS by keyboard, then submits. */
async function placeAllAndSubmit(page: Page, count: number) {
  await page.locator(".quiz-card").first().focus();
  for (let placed = 1; placed <= count; placed++) await page.keyboard.press("1");
  await expect(page.getByText(`${count} of ${count} placed`, { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(
    page.getByRole("heading", { name: "Results: Software as a Service (SaaS)" }),
  ).toBeVisible();
}

test("[LEARNER] opening, reloading or prefetching the quiz and review pages creates nothing", async ({
  page,
}) => {
  const { id } = await newLearner(page.request);

  await page.goto(QUIZ);
  await expect(page.getByRole("button", { name: "Start quiz" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Start quiz" })).toBeVisible();
  // What Next's router sends for a navigation and for a prefetch of the page.
  const routerRequests: Array<Record<string, string>> = [
    { RSC: "1" },
    { RSC: "1", "Next-Router-Prefetch": "1" },
  ];
  for (const headers of routerRequests) {
    expect((await page.request.get(QUIZ, { headers })).status()).toBe(200);
  }
  // The lesson's "Take the quiz" link, in view: the router may prefetch it as it pleases.
  await page.goto("/lessons/software-as-a-service-saas");
  await page.getByRole("link", { name: "Take the quiz" }).hover();
  await page.waitForLoadState("networkidle");
  expect(await attemptsOf(id)).toEqual([]);

  // With items due, the review page offers a review and starts none.
  const { attemptId, items } = (await (
    await page.request.post(`/api/quizzes/software-as-a-service-saas/attempts`)
  ).json()) as { attemptId: string; items: Array<{ id: string; options: Array<{ key: string }> }> };
  await page.request.post(`/api/attempts/${attemptId}/submit`, {
    data: { answers: answerAll(items, "SHARED") },
  });
  await page.goto("/review");
  await expect(page.getByRole("button", { name: "Start review" })).toBeVisible();
  await page.request.get("/review", { headers: { RSC: "1", "Next-Router-Prefetch": "1" } });
  expect(await attemptsOf(id)).toEqual([{ kind: "QUIZ", status: "SUBMITTED" }]);

  // The POST behind the button is what starts one.
  await page.getByRole("button", { name: "Start review" }).click();
  await expect(page.getByText(/^0 of \d+ placed$/)).toBeVisible();
  expect((await attemptsOf(id)).filter((a) => a.kind === "REVIEW")).toEqual([
    { kind: "REVIEW", status: "IN_PROGRESS" },
  ]);
});

test("[LEARNER] a reload resumes the attempt in progress, with its saved answers", async ({
  page,
}) => {
  const { id } = await newLearner(page.request);
  await page.goto(QUIZ);
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByText("0 of 7 placed", { exact: true })).toBeVisible();
  await expect(page.getByText(/picking up where you left off/)).toHaveCount(0);
  await page.locator(".quiz-card").first().focus();
  for (let placed = 1; placed <= 3; placed++) await page.keyboard.press("2");
  await expect(page.getByText("3 of 7 placed", { exact: true })).toBeVisible();
  await expect(page.getByText("All answers saved.")).toBeVisible();

  await page.reload();
  await expect(page.getByText("3 of 7 placed", { exact: true })).toBeVisible();
  await expect(page.getByText(/picking up where you left off/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Customer" }).getByRole("listitem")).toHaveCount(3);
  expect(await attemptsOf(id)).toEqual([{ kind: "QUIZ", status: "IN_PROGRESS" }]);
});

test("[LEARNER] Back after submitting shows the results, never the board; Try again starts afresh", async ({
  page,
}) => {
  const { id } = await newLearner(page.request);
  await page.goto("/lessons/software-as-a-service-saas");
  await page.getByRole("link", { name: "Take the quiz" }).click();
  await page.getByRole("button", { name: "Start quiz" }).click();
  await placeAllAndSubmit(page, 7);
  await expect(page).toHaveURL(/\/quiz\/software-as-a-service-saas\?attempt=[\w-]+$/);
  const resultsUrl = page.url();
  const results = page.getByRole("heading", { name: "Results: Software as a Service (SaaS)" });
  const board = page.locator(".quiz-card");

  // Away inside the app (the router's cache), then Back.
  await page.getByRole("link", { name: "See your progress" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your progress" })).toBeVisible();
  await page.goBack();
  await expect(results).toBeVisible();
  await expect(board).toHaveCount(0);
  expect(page.url()).toBe(resultsUrl);

  // Away with a full page load (the browser's back-forward cache, or a fresh load), then Back.
  await page.goto("/lessons/aws-shield");
  await page.goBack();
  await expect(results).toBeVisible();
  await expect(board).toHaveCount(0);

  // The board's entry was replaced by the results: one more Back leaves the quiz.
  await page.goBack();
  await expect(page).toHaveURL(/\/lessons\/software-as-a-service-saas$/);

  // Opening the quiz again shows the latest result, and Try again starts a new attempt by POST.
  await page.goto(QUIZ);
  await expect(results).toBeVisible();
  expect(await attemptsOf(id)).toHaveLength(1);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByText("0 of 7 placed", { exact: true })).toBeVisible();
  expect((await attemptsOf(id)).map((a) => a.status).sort()).toEqual(["IN_PROGRESS", "SUBMITTED"]);
});
