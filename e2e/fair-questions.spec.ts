import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { findOwnerLeaks } from "@/lib/content/owner-leak";
import type { QuizItem } from "@/lib/contracts/quiz";
import { findPreGradingLeaks, undescribedCards } from "@/lib/quiz/pre-grading-text";
import { answerAll, newLearner } from "./fixtures";
import { attachScreenshot } from "./support/look";

// Issue 23: every question a fair test. Nothing a learner reads before answering says or implies
// who owns the control, under the rule of lib/content/owner-leak.ts (README, "Every question a
// fair test"): not the quiz API, not the rendered quiz, review or study-mode pages.

async function shippedQuizzes(request: APIRequestContext) {
  const quizzes = (await (await request.get("/api/quizzes")).json()) as Array<{ slug: string }>;
  return Promise.all(
    quizzes.map(async ({ slug }) => {
      const response = await request.get(`/api/quizzes/${slug}`);
      expect(response.status()).toBe(200);
      return { slug, items: ((await response.json()) as { items: QuizItem[] }).items };
    }),
  );
}

/** What the quiz or review page shows of its cards and groups before grading, as a learner reads it. */
async function visibleQuestionTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = (selector: string) =>
      [...document.querySelectorAll<HTMLElement>(selector)].map((element) => element.innerText);
    return [
      ...texts(".quiz-card-prompt"),
      ...texts(".quiz-card-detail"),
      ...texts(".one-card-detail"),
      ...texts(".quiz-group h2"),
      ...texts(".quiz-scenario-story"),
      ...texts(".quiz-matrix th"),
      // The statements offered; the owner choices are the answer buttons themselves.
      ...[...document.querySelectorAll<HTMLElement>(".quiz-split label, .quiz-scenario label")]
        .filter((label) => !label.querySelector(".owner-badge"))
        .map((label) => label.innerText),
    ].filter((text) => text.trim() !== "");
  });
}

function leaksIn(texts: string[]) {
  return texts.flatMap((text) => (findOwnerLeaks(text).length > 0 ? [text] : []));
}

test("[LEARNER] no item of any shipped quiz says its owner before grading, in the API or on the quiz page", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await newLearner(page.request, "Fair Reader");
  const quizzes = await shippedQuizzes(page.request);
  const items = quizzes.flatMap((quiz) => quiz.items);
  expect(items.length).toBeGreaterThanOrEqual(400);
  expect(findPreGradingLeaks(items)).toEqual([]);
  expect(undescribedCards(items).map((item) => item.prompt)).toEqual([]);

  for (const { slug, items: quizItems } of quizzes) {
    await page.goto(`/quiz/${slug}`);
    await page.getByRole("button", { name: "Start quiz" }).click();
    await expect(page.locator(".quiz-card-prompt, .quiz-group h2").first()).toBeVisible();
    const texts = await visibleQuestionTexts(page);
    expect(leaksIn(texts), slug).toEqual([]);
    // Each control card the attempt drew shows its neutral description, never the term alone.
    const details = await page.locator(".quiz-card-detail").allInnerTexts();
    expect(
      details.filter((detail) => detail.trim() === ""),
      slug,
    ).toEqual([]);
    expect(quizItems.length).toBeGreaterThan(0);
  }
  await attachScreenshot(page, testInfo, "fair quiz cards");
});

test("[LEARNER] a review's cards and a practice test of every kind say no owner before grading", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await newLearner(page.request, "Fair Reviewer");
  // Wrong answers on two quizzes make their items due at once.
  for (const slug of ["amazon-ec2", "aws-shared-responsibility-model"]) {
    const { attemptId, items } = (await (
      await page.request.post(`/api/quizzes/${slug}/attempts`)
    ).json()) as { attemptId: string; items: QuizItem[] };
    const submit = await page.request.post(`/api/attempts/${attemptId}/submit`, {
      data: { answers: answerAll(items, "SHARED") },
    });
    expect(submit.status()).toBe(200);
  }
  await page.goto("/review");
  await page.getByRole("button", { name: "Start review" }).click();
  await expect(page.getByText(/^0 of \d+ (placed|answered)$/)).toBeVisible();
  const reviewTexts = await visibleQuestionTexts(page);
  expect(reviewTexts.length).toBeGreaterThan(0);
  expect(leaksIn(reviewTexts)).toEqual([]);
  await attachScreenshot(page, testInfo, "fair review cards");

  const practice = await page.request.post("/api/practice-tests", { data: { size: 100 } });
  expect(practice.status()).toBe(201);
  const { attemptId } = (await practice.json()) as { attemptId: string };
  const { items } = (await (await page.request.get(`/api/attempts/${attemptId}`)).json()) as {
    items: QuizItem[];
  };
  expect(items).toHaveLength(100);
  expect(findPreGradingLeaks(items)).toEqual([]);
  await page.goto(`/practice/${attemptId}`);
  await expect(page.locator(".quiz-card-prompt, .quiz-group h2").first()).toBeVisible();
  expect(leaksIn(await visibleQuestionTexts(page))).toEqual([]);
});

test("[VISITOR] in study mode every lesson's control cards show a neutral description and no owner", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const quizzes = (await (await page.request.get("/api/quizzes")).json()) as Array<{
    slug: string;
  }>;
  for (const { slug } of quizzes) {
    await page.goto(`/lessons/${slug}`);
    const cards = page.locator(".control");
    if ((await cards.count()) === 0) continue;
    await expect(page.getByLabel(/Study mode/)).toBeVisible();
    await page.getByLabel(/Study mode/).check();
    // Nothing hovered or focused: every card stays in its study face.
    await page.mouse.move(0, 0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const faces = await cards.allInnerTexts();
    expect(leaksIn(faces), slug).toEqual([]);
    const descriptions = await page.locator(".control .control-description").count();
    expect(descriptions, slug).toBe(await cards.count());
    await page.getByLabel(/Study mode/).uncheck();
  }
  await page.goto("/lessons/amazon-ec2");
  await page.getByLabel(/Study mode/).check();
  await page.mouse.move(0, 0);
  await attachScreenshot(page, testInfo, "fair study mode", { fullPage: false });
});
