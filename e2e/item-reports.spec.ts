import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { answerAll, newLearner, SEED_SLUG, signIn } from "./fixtures";

test(
  "[LEARNER] reports an item from the results; the team's instructor resolves it; the admin sees it resolved",
  { tag: "@phone" },
  async ({ page, browser, baseURL }) => {
    // A team of its own: the access matrix replaces the Demo Team's invite code.
    const instructor = await browser.newContext({ baseURL });
    const dashboard = await instructor.newPage();
    await signIn(dashboard.request, "instructor@example.com");
    const team = (await (
      await dashboard.request.post("/api/teams", { data: { name: "Reports team" } })
    ).json()) as { id: string; inviteCode: string };
    await newLearner(page.request, "Reporting Learner");
    expect(
      (await page.request.post("/api/teams/join", { data: { code: team.inviteCode } })).status(),
    ).toBe(200);
    // The quiz is taken through the API, as the board would submit it: the results page is the subject.
    const started = await page.request.post(`/api/quizzes/${SEED_SLUG}/attempts`);
    const { attemptId, items } = (await started.json()) as {
      attemptId: string;
      items: Array<{ id: string; options: Array<{ key: string }> }>;
    };
    expect(
      (
        await page.request.post(`/api/attempts/${attemptId}/submit`, {
          data: { answers: answerAll(items, "AWS") },
        })
      ).ok(),
    ).toBe(true);

    await page.goto(`/quiz/${SEED_SLUG}?attempt=${attemptId}`);
    const toggle = page.getByRole("button", { name: /^Report a problem with/ }).first();
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const form = page.getByRole("form", { name: /^Report a problem with/ });
    // "Something else" needs a comment: the API's message says so.
    await form.getByRole("radio", { name: "Something else" }).check();
    await form.getByRole("button", { name: "Send report" }).click();
    await expect(form.getByText("Say what is wrong with it")).toBeVisible();

    const comment = `AWS does not own this one (${randomUUID().slice(0, 8)})`;
    await form.getByRole("radio", { name: "The owner is wrong" }).check();
    await form.getByLabel(/^Comment/).fill(comment);
    await form.getByRole("button", { name: "Send report" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "your report on this item was sent" }),
    ).toBeVisible();

    await dashboard.goto(`/teams/${team.id}`);
    const report = dashboard
      .getByRole("list", { name: "Item reports" })
      .getByRole("listitem")
      .filter({ hasText: comment });
    await expect(report).toContainText("The owner is wrong");
    await expect(report).toContainText("Reported by Reporting Learner");
    // The item links to its section of the lesson, to check the report against.
    await expect(report.getByRole("link").first()).toHaveAttribute(
      "href",
      new RegExp(`^/lessons/${SEED_SLUG}#`),
    );
    await report
      .getByLabel(/^Resolution note/)
      .fill("Checked against the lesson: the owner is right.");
    await report.getByRole("button", { name: "Resolve" }).click();
    await expect(report.getByRole("status")).toHaveText(/^Resolved the report on .+\.$/);
    await expect(report.getByText("Resolved by Demo Instructor,")).toBeVisible();
    await expect(report.getByRole("button", { name: "Reopen" })).toBeVisible();
    await instructor.close();

    const admin = await browser.newContext({ baseURL });
    const reports = await admin.newPage();
    await signIn(reports.request, "admin@example.com");
    await reports.goto("/admin/reports");
    await expect(reports.getByRole("heading", { level: 1, name: "Item reports" })).toBeVisible();
    const resolved = reports
      .getByRole("list", { name: "Item reports" })
      .getByRole("listitem")
      .filter({ hasText: comment });
    await resolved.getByText("Resolved by Demo Instructor,").click();
    await expect(
      resolved.getByText("Note: Checked against the lesson: the owner is right."),
    ).toBeVisible();
    // The admin has the same control: reopening puts the report back among the open ones.
    await resolved.getByRole("button", { name: "Reopen" }).click();
    await expect(resolved.getByRole("status")).toHaveText(/^Reopened the report on .+\.$/);
    await expect(resolved.getByLabel(/^Resolution note/)).toBeVisible();
    await admin.close();
  },
);
