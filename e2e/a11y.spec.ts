import { expect, test, type Page } from "@playwright/test";
import { answerAll, DEMO_PASSWORD, newLearner, SEED_SLUG, signIn } from "./fixtures";
import { axeViolations } from "./support/look";

/** Scans pages one by one and keeps every violation, so that one run names them all. */
class Scanner {
  scans = 0;
  failures: string[] = [];

  constructor(private readonly page: Page) {}

  async scan(label: string) {
    const page = this.page;
    await expect(page.locator("h1").first()).toBeVisible();
    // The header's session island has answered: what a reader sees once the page has settled.
    await expect(page.locator(".user-menu:not([aria-hidden])")).toBeAttached();
    const violations = await axeViolations(page);
    this.scans++;
    this.failures.push(...violations.map((violation) => `${label}: ${violation}`));
  }

  async visit(path: string, label = path) {
    await this.page.goto(path);
    await this.scan(label);
  }

  finish() {
    test.info().annotations.push({ type: "cases", description: String(this.scans) });
    expect(this.failures, `axe violations:\n${this.failures.join("\n")}`).toEqual([]);
  }
}

test(
  "[VISITOR] every page a visitor sees passes axe: WCAG 2.1 AA and best practices",
  { tag: "@phone" },
  async ({ page }) => {
    // Twenty-odd scans, each several seconds on a busy machine: more than the default minute.
    test.setTimeout(150_000);
    const axe = new Scanner(page);
    await axe.visit("/", "/ (signed out)");
    await axe.visit("/signin");
    await axe.visit("/signup");
    await axe.visit("/forgot-password");
    await axe.visit("/reset-password?token=from-the-email", "/reset-password");
    await axe.visit("/verify-email?token=from-the-email", "/verify-email");
    await axe.visit("/lessons");
    await axe.visit(`/lessons/${SEED_SLUG}`, "lesson, study mode off");
    const studyMode = page.getByLabel(/Study mode/);
    if (await studyMode.count()) {
      await studyMode.check();
      await axe.scan("lesson, study mode on");
    }
    await axe.visit("/tags/aws");
    await axe.visit("/join/DEMO-TEAM-2026", "/join/<code> (signed out)");
    await axe.visit("/no-such-page", "404 page");

    await page.goto("/");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("combobox", { name: "Search lessons" }).fill("KMS");
    await expect(page.getByRole("option").first()).toBeVisible();
    await axe.scan("search dialog open");
    await page.keyboard.press("Escape");
    const menu = page.getByRole("button", { name: "Menu" });
    if (await menu.isVisible()) {
      await menu.click();
      await axe.scan("header menu open");
    }
    axe.finish();
  },
);

test(
  "[LEARNER] every page a learner sees passes axe, the quiz in each state",
  { tag: "@phone" },
  async ({ page }) => {
    // Fourteen scans, each a full axe run: on a phone on two busy cores that can pass a minute.
    test.setTimeout(180_000);
    await newLearner(page.request, "Axe Learner");
    const axe = new Scanner(page);
    await axe.visit("/", "/ (signed in, new learner)");
    await axe.visit(`/quiz/${SEED_SLUG}`, "quiz intro");
    await page.getByRole("button", { name: "Start quiz" }).click();
    await expect(page.getByText(/0 of \d+ (placed|answered)/)).toBeVisible();
    await axe.scan("quiz in progress");

    // Submitted through the API, as the board would: the results page is what is scanned.
    const started = await page.request.post(`/api/quizzes/${SEED_SLUG}/attempts`);
    const { attemptId, items } = (await started.json()) as {
      attemptId: string;
      items: Array<{ id: string; options: Array<{ key: string }> }>;
    };
    const answers = answerAll(items, "AWS");
    expect(
      (await page.request.post(`/api/attempts/${attemptId}/submit`, { data: { answers } })).ok(),
    ).toBe(true);
    await axe.visit(`/quiz/${SEED_SLUG}?attempt=${attemptId}`, "quiz results");
    await page
      .getByRole("button", { name: /^Report a problem with/ })
      .first()
      .click();
    await expect(page.getByRole("form", { name: /^Report a problem with/ })).toBeVisible();
    await axe.scan("quiz results, report form open");

    await axe.visit("/", "/ (signed in, after a quiz)");
    await axe.visit("/review");
    await axe.visit("/progress");
    await axe.visit("/practice", "/practice (setup)");
    const practice = await page.request.post("/api/practice-tests", {
      data: { notes: [SEED_SLUG], kinds: ["assign"], size: 5, timeLimitMinutes: 30 },
    });
    const { attemptId: practiceId } = (await practice.json()) as { attemptId: string };
    await axe.visit(`/practice/${practiceId}`, "practice test in progress, timed");
    const practiceItems = (
      (await (await page.request.get(`/api/attempts/${practiceId}`)).json()) as {
        items: Array<{ id: string; options: Array<{ key: string }> }>;
      }
    ).items;
    expect(
      (
        await page.request.post(`/api/attempts/${practiceId}/submit`, {
          data: { answers: answerAll(practiceItems, "SHARED") },
        })
      ).ok(),
    ).toBe(true);
    await axe.visit(`/practice/${practiceId}`, "practice results");
    await axe.visit("/teams", "/teams (learner)");
    await axe.visit("/join/DEMO-TEAM-2026", "/join/<code> (signed in)");
    await axe.visit("/account");
    axe.finish();
  },
);

test("[INSTRUCTOR] the team pages pass axe", { tag: "@phone" }, async ({ page }) => {
  // axe's time grows with the Demo Team's dashboard, which every journey's learners make longer.
  test.setTimeout(150_000);
  await signIn(page.request, "instructor@example.com", DEMO_PASSWORD);
  const teams = (await (await page.request.get("/api/teams")).json()) as Array<{
    id: string;
    name: string;
  }>;
  const team = teams.find((t) => t.name === "Demo Team");
  expect(team, "the seeded Demo Team").toBeTruthy();
  const progress = (await (await page.request.get(`/api/teams/${team!.id}/progress`)).json()) as {
    learners: Array<{ userId: string; email: string }>;
  };
  const learner = progress.learners.find((l) => l.email === "learner@example.com");
  expect(learner, "the demo learner in the Demo Team").toBeTruthy();

  const axe = new Scanner(page);
  await axe.visit("/teams", "/teams (instructor)");
  await axe.visit(`/teams/${team!.id}`, "/teams/<id> (instructor)");
  // The seeded assignment's learner table and its editor, opened.
  const assignments = page.getByRole("region", { name: "Assignments" });
  await assignments
    .getByText(/^Learners and extensions/)
    .first()
    .click();
  await assignments.getByRole("button", { name: /^Edit/ }).first().click();
  await expect(assignments.getByRole("button", { name: "Save changes" })).toBeVisible();
  await axe.scan("/teams/<id>, an assignment's learners and editor open");
  await axe.visit(
    `/teams/${team!.id}/learners/${learner!.userId}`,
    "/teams/<id>/learners/<userId>",
  );
  axe.finish();
});

test(
  "[LEARNER] an assignment's page passes axe: a practice test before and after an attempt, a notes assignment",
  { tag: "@phone" },
  async ({ page, browser }) => {
    const instructor = await browser.newContext();
    await signIn(instructor.request, "instructor@example.com", DEMO_PASSWORD);
    const team = (await (
      await instructor.request.post("/api/teams", { data: { name: "Axe assignments" } })
    ).json()) as { id: string; inviteCode: string };
    const dueAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const assign = async (data: Record<string, unknown>) => {
      const response = await instructor.request.post(`/api/teams/${team.id}/assignments`, {
        data: { noteSlugs: [SEED_SLUG], dueAt, ...data },
      });
      expect(response.status()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const practice = await assign({
      kind: "practice",
      size: 5,
      timeLimitMinutes: 20,
      attemptsAllowed: 2,
      reviewAnswers: "after_due",
    });
    const notes = await assign({ kind: "notes", targetMastery: "FAMILIAR" });
    await instructor.close();

    await newLearner(page.request, "Axe Assignee");
    const joined = await page.request.post("/api/teams/join", { data: { code: team.inviteCode } });
    expect(joined.status()).toBe(200);
    const axe = new Scanner(page);
    await axe.visit(`/assignments/${practice}`, "/assignments/<id> (practice, not started)");
    await page.getByRole("button", { name: "Start the practice test" }).click();
    await expect(page).toHaveURL(/\/practice\/[a-z0-9]+$/);
    await axe.visit(`/assignments/${practice}`, "/assignments/<id> (practice, one attempt open)");
    await axe.visit(`/assignments/${notes}`, "/assignments/<id> (notes)");
    await axe.visit("/", "/ (signed in, with assignments)");
    axe.finish();
  },
);

test("[ADMIN] the admin pages pass axe", { tag: "@phone" }, async ({ page }) => {
  // Five scans; under a loaded two-core CI run the default minute is too close.
  test.setTimeout(180_000);
  await signIn(page.request, "admin@example.com", DEMO_PASSWORD);
  const axe = new Scanner(page);
  await axe.visit("/admin/users");
  await axe.visit("/admin/reports");
  await axe.visit("/admin/audit");
  await axe.visit("/admin/audit?action=role.delete", "/admin/audit (a bad filter)");
  await axe.visit("/teams", "/teams (admin)");
  axe.finish();
});
