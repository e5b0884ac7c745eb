import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { answerAll, newLearner, SEED_SLUG, signIn } from "./fixtures";
import { attachScreenshot, expectNoAxeViolations, expectNoSidewaysScroll } from "./support/look";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** The instructor's browser is in India (UTC+5:30, no summer time): a due date typed there must
 * reach the server as that instant, not as the same clock time in the server's zone. */
const INSTRUCTOR_ZONE = "Asia/Kolkata";
const INSTRUCTOR_OFFSET = "+05:30";

type Graded = {
  results: Array<{ itemId: string; expected: string | null; expectedOption: string | null }>;
};

/** Moves the server's clock for this browser context's requests (server/clock.ts). */
async function setClock(context: BrowserContext, at: Date, baseURL: string) {
  await context.addCookies([{ name: "test-now", value: at.toISOString(), url: baseURL }]);
}

/**
 * A perfect quiz on the seed note, as a learner who knows every answer: a first try (every item
 * AWS) is graded with the right answers, and a second attempt gives those back.
 */
async function takeSeedQuizPerfectly(request: APIRequestContext) {
  const start = async () =>
    (await (await request.post(`/api/quizzes/${SEED_SLUG}/attempts`)).json()) as {
      attemptId: string;
      items: Array<{ id: string; options?: Array<{ key: string }> }>;
    };
  const first = await start();
  const graded = (await (
    await request.post(`/api/attempts/${first.attemptId}/submit`, {
      data: { answers: answerAll(first.items, "AWS") },
    })
  ).json()) as Graded;
  const key = new Map(graded.results.map((r) => [r.itemId, r]));
  const second = await start();
  const answers = second.items.map((item) => {
    const right = key.get(item.id)!;
    return right.expectedOption
      ? { itemId: item.id, option: right.expectedOption }
      : { itemId: item.id, choice: right.expected };
  });
  const submitted = await request.post(`/api/attempts/${second.attemptId}/submit`, {
    data: { answers },
  });
  expect(submitted.status()).toBe(200);
  const { score } = (await submitted.json()) as { score: { correct: number; total: number } };
  expect(score.correct).toBe(score.total);
}

test("[INSTRUCTOR] assigns the seed note to Proficient due tomorrow; one learner finishes it, the other is overdue once the clock passes the due date, until an extension", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  const base = baseURL!;
  const suffix = randomUUID().slice(0, 6);

  // A fresh instructor: a new account an admin promotes.
  const instructorContext = await browser.newContext({
    timezoneId: INSTRUCTOR_ZONE,
    viewport: { width: 1280, height: 800 },
  });
  const instructor = await instructorContext.newPage();
  const account = await newLearner(instructor.request, `Ines Instructor ${suffix}`);
  const adminContext = await browser.newContext();
  await signIn(adminContext.request, "admin@example.com");
  expect(
    (
      await adminContext.request.patch(`/api/admin/users/${account.id}`, {
        data: { role: "INSTRUCTOR" },
      })
    ).status(),
  ).toBe(200);
  await adminContext.close();
  const created = await instructor.request.post("/api/teams", {
    data: { name: `Assigned cohort ${suffix}` },
  });
  expect(created.status()).toBe(201);
  const team = (await created.json()) as { id: string; inviteCode: string };

  // Two learners join.
  const learners = [`Ada Finisher ${suffix}`, `Bo Later ${suffix}`];
  const [first, second] = await Promise.all(
    learners.map(async (name) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const { id } = await newLearner(context.request, name);
      const joined = await context.request.post("/api/teams/join", {
        data: { code: team.inviteCode },
      });
      expect(joined.status()).toBe(200);
      return { context, id, name, page: await context.newPage() };
    }),
  );

  // Due tomorrow at 18:00 on the instructor's clock, typed into the form.
  const tomorrow = new Intl.DateTimeFormat("en-CA", {
    timeZone: INSTRUCTOR_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(Date.now() + DAY_MS);
  const dueAt = new Date(`${tomorrow}T18:00:00${INSTRUCTOR_OFFSET}`);

  await instructor.goto(`/teams/${team.id}`);
  const section = instructor.getByRole("region", { name: "Assignments" });
  await expect(section.getByText("Nothing assigned yet.")).toBeVisible();
  await expect(section.getByLabel("Lessons to master")).toBeChecked();
  await section.getByLabel("Filter lessons").fill("shared resp");
  await section.getByRole("checkbox", { name: "AWS Shared Responsibility Model" }).check();
  await section.getByRole("radio", { name: "Proficient" }).check();
  // Sent without a due date, the form says so beside the field and keeps what was picked.
  await section.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(section.getByLabel("Due", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(section.getByText("Due date must be an ISO 8601 date and time")).toBeVisible();
  await expect(
    section.getByRole("checkbox", { name: "AWS Shared Responsibility Model" }),
  ).toBeChecked();
  await section.getByLabel("Due", { exact: true }).fill(`${tomorrow}T18:00`);
  await section.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(section.getByText(/^Assigned\./)).toBeVisible();

  // The server holds the instant the instructor meant, whatever its own zone.
  const listed = (await (
    await instructor.request.get(`/api/teams/${team.id}/assignments`)
  ).json()) as Array<{
    id: string;
    kind: string;
    title: string;
    noteSlugs: string[];
    targetMastery: string;
    dueAt: string;
  }>;
  expect(listed).toHaveLength(1);
  expect(listed[0]).toMatchObject({
    kind: "notes",
    noteSlugs: [SEED_SLUG],
    targetMastery: "PROFICIENT",
    dueAt: dueAt.toISOString(),
  });
  const title = listed[0].title;
  const card = section.getByRole("article", { name: title });
  // Shown back on the instructor's clock.
  await expect(card.getByText(/Due .*18:00/)).toBeVisible();
  const completion = card.getByRole("list", { name: `Completion of ${title}` });
  await expect(completion).toContainText("Not started 2");
  await attachScreenshot(instructor, testInfo, "assignments-dashboard-assigned");

  // Learner 1 sees it on the home page, follows the link into the quiz, and gets it perfect.
  const ada = first.page;
  await ada.goto("/");
  const assigned = ada.getByRole("region", { name: "Assigned to you" });
  const item = assigned.getByRole("listitem").filter({ hasText: title });
  await expect(item).toContainText("Not started");
  await expect(item).toContainText(`Assigned cohort ${suffix}`);
  await attachScreenshot(ada, testInfo, "assignments-home-assigned");
  await item.getByRole("link", { name: title, exact: true }).click();
  await expect(ada).toHaveURL(new RegExp(`/quiz/${SEED_SLUG}$`));
  await expect(ada.getByRole("heading", { level: 1 })).toContainText(
    "AWS Shared Responsibility Model",
  );
  await takeSeedQuizPerfectly(ada.request);
  await ada.goto("/progress");
  const done = ada
    .getByRole("region", { name: "Assigned to you" })
    .getByRole("listitem")
    .filter({ hasText: title });
  await expect(done).toContainText("Done");
  await expectNoAxeViolations(ada);
  await attachScreenshot(ada, testInfo, "assignments-progress-done");
  await done.getByRole("link", { name: `Details of ${title}` }).click();
  await expect(ada.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(
    ada.getByRole("table", { name: "Lessons of this assignment" }).getByRole("row").nth(1),
  ).toContainText("Proficient");
  await expectNoAxeViolations(ada);
  await attachScreenshot(ada, testInfo, "assignment-page-notes");

  // The dashboard shows learner 1 done; learner 2 has not started and is not late yet.
  await instructor.reload();
  await expect(completion).toContainText("Done 1");
  await expect(completion).toContainText("Not started 1");
  await expect(completion).toContainText("Overdue 0");
  await expect(card.getByText("No one is overdue.")).toBeVisible();

  // An hour past the due date, on the server's clock for these two browsers only.
  const late = new Date(dueAt.getTime() + HOUR_MS);
  await setClock(instructorContext, late, base);
  await setClock(second.context, late, base);
  await instructor.reload();
  await expect(completion).toContainText("Done 1");
  await expect(completion).toContainText("Overdue 1");
  await expect(completion).toContainText("Not started 0");
  const overdueList = card.getByRole("list", { name: `Overdue on ${title}` });
  await expect(overdueList.getByRole("listitem")).toHaveCount(1);
  await expect(overdueList.getByRole("link", { name: second.name })).toHaveAttribute(
    "href",
    `/teams/${team.id}/learners/${second.id}`,
  );
  await card.getByText(/^Learners and extensions/).click();
  const table = card.getByRole("table", { name: `Learners of ${title}` });
  await expect(table.getByRole("row", { name: new RegExp(first.name) })).toContainText("Done");
  await expect(table.getByRole("row", { name: new RegExp(second.name) })).toContainText("Overdue");
  await expectNoAxeViolations(instructor);
  await attachScreenshot(instructor, testInfo, "assignments-dashboard-overdue");

  const bo = second.page;
  await bo.goto("/");
  const boItem = bo
    .getByRole("region", { name: "Assigned to you" })
    .getByRole("listitem")
    .filter({ hasText: title });
  await expect(boItem).toContainText("Overdue");

  // An extension to two days after the due date takes learner 2 out of overdue.
  const extendedTo = new Date(dueAt.getTime() + 2 * DAY_MS);
  const extendedLocal = new Intl.DateTimeFormat("en-CA", {
    timeZone: INSTRUCTOR_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(extendedTo);
  await table.getByLabel(`New due date for ${second.name}`).fill(`${extendedLocal}T18:00`);
  await table.getByRole("button", { name: `Extend the due date for ${second.name}` }).click();
  await expect(card.getByText("No one is overdue.")).toBeVisible();
  await expect(completion).toContainText("Overdue 0");
  await expect(completion).toContainText("Not started 1");
  const boRow = table.getByRole("row", { name: new RegExp(second.name) });
  await expect(boRow).toContainText("Not started");
  await expect(boRow).toContainText("extended");
  await bo.reload();
  await expect(boItem).toContainText("Not started");
  await expect(boItem).toContainText("(your extension)");
  const mine = (await (await bo.request.get("/api/me/assignments")).json()) as Array<{
    id: string;
    dueAt: string;
    status: string;
  }>;
  expect(mine.find((a) => a.id === listed[0].id)).toMatchObject({
    dueAt: extendedTo.toISOString(),
    status: "not_started",
  });
  await attachScreenshot(instructor, testInfo, "assignments-dashboard-extended");

  for (const { context } of [first, second]) await context.close();
  await instructorContext.close();
});

test.describe("in a browser west of UTC", () => {
  test.use({ timezoneId: "America/Los_Angeles" });

  test(
    "[LEARNER] the demo learner's assignment shows under Assigned to you, due in their own time zone, without sideways scroll",
    { tag: "@phone" },
    async ({ page }, testInfo) => {
      await signIn(page.request, "learner@example.com");
      await page.goto("/progress");
      const item = page
        .getByRole("region", { name: "Assigned to you" })
        .getByRole("listitem")
        .filter({ hasText: "AWS Shared Responsibility Model — Proficient" });
      await expect(item.getByRole("link").first()).toHaveAttribute(
        "href",
        /\/(quiz|assignments)\//,
      );
      const due = item.locator("time");
      // Rendered as UTC by the server, then swapped for the browser's own zone.
      const iso = (await due.getAttribute("datetime"))!;
      const local = new Intl.DateTimeFormat("en-GB", {
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone: "America/Los_Angeles",
      }).format(Date.parse(iso));
      await expect(due).toContainText(local);
      await expect(due).toContainText(/GMT-[78]$/);
      await expectNoSidewaysScroll(page);
      await attachScreenshot(page, testInfo, "assigned-to-you");
      await page.goto("/");
      await expect(page.getByRole("region", { name: "Assigned to you" })).toBeVisible();
      await expectNoSidewaysScroll(page);
      await attachScreenshot(page, testInfo, "home-assigned-to-you");
    },
  );
});

test("[LEARNER] takes an assigned practice test from the assignment, sees its results, goes back to it and has no attempt left", async ({
  browser,
  page,
}) => {
  const instructor = await browser.newContext();
  await signIn(instructor.request, "instructor@example.com");
  const team = (await (
    await instructor.request.post("/api/teams", {
      data: { name: `Practice cohort ${randomUUID().slice(0, 6)}` },
    })
  ).json()) as { id: string; inviteCode: string };
  const created = await instructor.request.post(`/api/teams/${team.id}/assignments`, {
    data: {
      kind: "practice",
      noteSlugs: ["software-as-a-service-saas"],
      size: 3,
      attemptsAllowed: 1,
      dueAt: new Date(Date.now() + DAY_MS).toISOString(),
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await instructor.close();

  await newLearner(page.request, "Pat Practice");
  expect(
    (await page.request.post("/api/teams/join", { data: { code: team.inviteCode } })).ok(),
  ).toBe(true);
  await page.goto(`/assignments/${id}`);
  await expect(page.getByText("0 used of 1")).toBeVisible();
  await page.getByRole("button", { name: "Start the practice test" }).click();
  await expect(page).toHaveURL(/\/practice\/[a-z0-9]+$/);
  const attemptId = page.url().split("/").pop()!;

  // The answers go in through the attempt API; the page then shows the graded results.
  const { items } = (await (await page.request.get(`/api/attempts/${attemptId}`)).json()) as {
    items: Array<{ id: string; options?: Array<{ key: string }> }>;
  };
  const submitted = await page.request.post(`/api/attempts/${attemptId}/submit`, {
    data: { answers: answerAll(items, "CUSTOMER") },
  });
  expect(submitted.status()).toBe(200);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Results" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Retake with the same settings" })).toHaveCount(0);
  await page.getByRole("link", { name: "Back to the assignment" }).click();

  await expect(page).toHaveURL(new RegExp(`/assignments/${id}$`));
  await expect(page.getByText("1 used of 1")).toBeVisible();
  await expect(page.getByText("You have used every attempt.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Start the practice test" })).toHaveCount(0);
  const started = await page.request.post(`/api/me/assignments/${id}/attempts`);
  expect(started.status()).toBe(409);
  expect(((await started.json()) as { error: { code: string } }).error.code).toBe(
    "no_attempts_left",
  );
  await page.goto("/progress");
  await expect(
    page
      .getByRole("region", { name: "Assigned to you" })
      .getByRole("listitem")
      .filter({ hasText: "Practice test: Software as a Service (SaaS)" }),
  ).toContainText("Done");
});
