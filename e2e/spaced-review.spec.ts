import { expect, test, type APIRequestContext } from "@playwright/test";
import { answerAll, newLearner, SEED_SLUG, signIn } from "./fixtures";
import { attachScreenshot, expectNoAxeViolations, expectNoSidewaysScroll } from "./support/look";

/** A team of the test's own, made by the demo instructor, with `learner` in it. */
async function teamWith(instructor: APIRequestContext, learner: APIRequestContext, name: string) {
  const team = (await (await instructor.post("/api/teams", { data: { name } })).json()) as {
    id: string;
    inviteCode: string;
  };
  expect(
    (await learner.post("/api/teams/join", { data: { code: team.inviteCode } })).status(),
  ).toBe(200);
  return team;
}

test(
  "[INSTRUCTOR] sets a team's desired retention; a value out of bounds is refused beside its field",
  {
    tag: "@phone",
  },
  async ({ page, playwright, baseURL }, testInfo) => {
    await signIn(page.request, "instructor@example.com");
    const learner = await playwright.request.newContext({ baseURL });
    await newLearner(learner, "Retention Learner");
    const team = await teamWith(page.request, learner, "Retention team");

    await page.goto(`/teams/${team.id}`);
    const field = page.getByLabel("Desired retention");
    await expect(field).toHaveValue("0.90");
    await field.fill("0.99");
    await page.getByRole("button", { name: "Save desired retention" }).click();
    await expect(page.getByText("Desired retention must be between 0.70 and 0.97")).toBeVisible();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveValue("0.99");
    await expectNoAxeViolations(page, "dashboard, retention refused");

    await field.fill("0.95");
    await page.getByRole("button", { name: "Save desired retention" }).click();
    await expect(
      page.getByRole("status").getByText("Desired retention is now 0.95."),
    ).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Desired retention")).toHaveValue("0.95");
    await page.getByRole("heading", { name: "Spaced review" }).scrollIntoViewIfNeeded();
    await expectNoSidewaysScroll(page);
    await attachScreenshot(page, testInfo, "spaced review", { fullPage: false });
    await learner.dispose();
  },
);

test(
  "[LEARNER] sees an after-due test's score and own answers, and the right ones once it is due",
  {
    tag: "@phone",
  },
  async ({ page, playwright, baseURL }, testInfo) => {
    const instructor = await playwright.request.newContext({ baseURL });
    await signIn(instructor, "instructor@example.com");
    await newLearner(page.request, "Patient Learner");
    const team = await teamWith(instructor, page.request, "Withheld answers");
    const dueAt = new Date(Date.now() + 86_400_000).toISOString();
    const created = await instructor.post(`/api/teams/${team.id}/assignments`, {
      data: {
        kind: "practice",
        noteSlugs: [SEED_SLUG],
        size: 5,
        attemptsAllowed: 1,
        reviewAnswers: "after_due",
        dueAt,
      },
    });
    const { id: assignmentId } = (await created.json()) as { id: string };
    const { attemptId } = (await (
      await page.request.post(`/api/me/assignments/${assignmentId}/attempts`)
    ).json()) as { attemptId: string };
    const { items } = (await (await page.request.get(`/api/attempts/${attemptId}`)).json()) as {
      items: Array<{ id: string; options: Array<{ key: string }> }>;
    };
    const submit = await page.request.post(`/api/attempts/${attemptId}/submit`, {
      data: { answers: answerAll(items, "AWS") },
    });
    expect(submit.status()).toBe(200);

    await page.goto(`/practice/${attemptId}`);
    await expect(page.getByText("Answers and explanations are shown after")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Your answers (5)" })).toBeVisible();
    await expect(page.getByText(/^(Right|Wrong)$/)).toHaveCount(0);
    await expect(page.getByText("Expected")).toHaveCount(0);
    await expectNoAxeViolations(page, "practice results, answers withheld");
    await expectNoSidewaysScroll(page);
    await attachScreenshot(page, testInfo, "answers withheld", { fullPage: false });

    // This browser's clock moves past the due date (the test server's TEST_CLOCK cookie).
    await page.context().addCookies([
      {
        name: "test-now",
        value: new Date(Date.parse(dueAt) + 60_000).toISOString(),
        url: baseURL!,
      },
    ]);
    await page.reload();
    await expect(page.getByText("Answers and explanations are shown after")).toHaveCount(0);
    await expect(page.getByRole("table", { name: "By lesson" })).toBeVisible();
    await expect(page.getByText("Read this in the lesson").first()).toBeVisible();
    await instructor.dispose();
  },
);

test(
  "[INSTRUCTOR] sees the items a learner failed four times as leeches on the drill-down",
  {
    tag: "@phone",
  },
  async ({ page, playwright, baseURL }, testInfo) => {
    await signIn(page.request, "instructor@example.com");
    const learner = await playwright.request.newContext({ baseURL });
    const { id: learnerId } = await newLearner(learner, "Stubborn Learner");
    const team = await teamWith(page.request, learner, "Leech team");
    const takeQuiz = async () => {
      const { attemptId, items } = (await (
        await learner.post("/api/quizzes/aws-artifact/attempts")
      ).json()) as {
        attemptId: string;
        items: Array<{ id: string; options: Array<{ key: string }> }>;
      };
      const answered = await learner.post(`/api/attempts/${attemptId}/submit`, {
        data: { answers: answerAll(items, "SHARED") },
      });
      expect(answered.status()).toBe(200);
    };
    for (let i = 0; i < 3; i++) await takeQuiz();
    const drillDown = `/teams/${team.id}/learners/${learnerId}`;
    await page.goto(drillDown);
    await expect(page.getByText("No leeches: no item failed 4 times or more.")).toBeVisible();

    await takeQuiz();
    await page.reload();
    const leeches = page.getByRole("table", { name: "Leeches" });
    await expect(leeches.getByRole("row").nth(1)).toContainText("AWS Artifact");
    await expect(leeches.getByRole("row").nth(1)).toContainText("4");
    // The same items are flagged where the attempt history lists them.
    await page
      .getByText(/AWS Artifact · /)
      .first()
      .click();
    await expect(page.locator(".answers-table .leech-flag").first()).toBeVisible();
    await expectNoAxeViolations(page, "drill-down with leeches");
    await expectNoSidewaysScroll(page);
    await page.getByRole("heading", { name: "Leeches" }).scrollIntoViewIfNeeded();
    await attachScreenshot(page, testInfo, "leeches", { fullPage: false });
    await learner.dispose();
  },
);
