import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, newLearner, SEED_SLUG, signIn } from "./fixtures";
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
    const axe = new Scanner(page);
    await axe.visit("/", "/ (signed out)");
    await axe.visit("/signin");
    await axe.visit("/signup");
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
    await newLearner(page.request, "Axe Learner");
    const axe = new Scanner(page);
    await axe.visit("/", "/ (signed in, new learner)");
    await axe.visit(`/quiz/${SEED_SLUG}`, "quiz intro");
    await page.getByRole("button", { name: "Start quiz" }).click();
    await expect(page.getByText(/0 of \d+ placed/)).toBeVisible();
    await axe.scan("quiz in progress");

    // Submitted through the API, as the board would: the results page is what is scanned.
    const started = await page.request.post(`/api/quizzes/${SEED_SLUG}/attempts`);
    const { attemptId, items } = (await started.json()) as {
      attemptId: string;
      items: Array<{ id: string }>;
    };
    const answers = items.map((item) => ({ itemId: item.id, choice: "AWS" }));
    expect(
      (await page.request.post(`/api/attempts/${attemptId}/submit`, { data: { answers } })).ok(),
    ).toBe(true);
    await axe.visit(`/quiz/${SEED_SLUG}?attempt=${attemptId}`, "quiz results");

    await axe.visit("/", "/ (signed in, after a quiz)");
    await axe.visit("/review");
    await axe.visit("/progress");
    await axe.visit("/teams", "/teams (learner)");
    await axe.visit("/join/DEMO-TEAM-2026", "/join/<code> (signed in)");
    await axe.visit("/account");
    axe.finish();
  },
);

test("[INSTRUCTOR] the team pages pass axe", { tag: "@phone" }, async ({ page }) => {
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
  await axe.visit(
    `/teams/${team!.id}/learners/${learner!.userId}`,
    "/teams/<id>/learners/<userId>",
  );
  axe.finish();
});

test("[ADMIN] the admin pages pass axe", { tag: "@phone" }, async ({ page }) => {
  await signIn(page.request, "admin@example.com", DEMO_PASSWORD);
  const axe = new Scanner(page);
  await axe.visit("/admin/users");
  await axe.visit("/teams", "/teams (admin)");
  axe.finish();
});
