import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { SEED_SLUG, signIn } from "./fixtures";

test("[INSTRUCTOR] creates a team, a new learner joins by link and takes the quiz, the instructor follows up", async ({
  browser,
}) => {
  const instructorContext = await browser.newContext({
    permissions: ["clipboard-read", "clipboard-write"],
  });
  const instructor = await instructorContext.newPage();
  await signIn(instructor.request, "instructor@example.com");

  const teamName = `Cohort ${randomUUID().slice(0, 6)}`;
  await instructor.goto("/teams");
  await instructor.getByLabel("Team name").fill(teamName);
  await instructor.getByRole("button", { name: "Create team" }).click();
  await expect(instructor.getByRole("heading", { level: 1, name: teamName })).toBeVisible();
  await instructor.getByRole("button", { name: "Copy join link" }).click();
  const joinLink = await instructor.evaluate(() => navigator.clipboard.readText());
  expect(joinLink).toMatch(/\/join\/[A-Z0-9]{4}-[A-Z0-9]{4}$/);

  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  const learnerName = `Newcomer ${randomUUID().slice(0, 6)}`;
  await learner.goto(joinLink);
  await expect(learner.getByRole("heading", { name: "Join a team" })).toBeVisible();
  await learner.getByRole("link", { name: "Create an account to join" }).click();
  await learner.getByLabel("Display name").fill(learnerName);
  await learner.getByLabel("Email").fill(`${randomUUID().slice(0, 8)}@example.com`);
  await learner.getByLabel("Password").fill("a-good-long-password");
  await learner.getByRole("button", { name: "Create account" }).click();
  await learner.getByRole("button", { name: "Join the team" }).click();
  await expect(learner.getByText(`You joined ${teamName}.`)).toBeVisible();

  await learner.goto(`/quiz/${SEED_SLUG}`);
  await learner.getByRole("button", { name: "Start quiz" }).click();
  await learner.locator(".quiz-card").first().focus();
  for (let placed = 1; placed <= 36; placed++) await learner.keyboard.press("1");
  await expect(learner.getByText("36 of 36 placed", { exact: true })).toBeVisible();
  await learner.getByRole("button", { name: "Submit answers" }).click();
  await expect(learner.getByRole("heading", { name: /Results/ })).toBeVisible();
  await learnerContext.close();

  await instructor.reload();
  const grid = instructor.getByRole("table", { name: "Learners by note" });
  const row = grid.getByRole("row", { name: new RegExp(learnerName) });
  await expect(row).toBeVisible();
  await expect(row.getByText("Attempted").first()).toBeVisible();
  const missed = instructor.getByRole("region", { name: "Most-missed controls" });
  await expect(
    missed.getByText(/0% right over 1 answer\. 100% think AWS owns it\./).first(),
  ).toBeVisible();

  await instructor.getByLabel("Filter by name").fill(learnerName);
  await instructor.getByRole("button", { name: "Filter" }).click();
  await expect(grid.getByRole("row")).toHaveCount(2);

  const download = instructor.waitForEvent("download");
  await instructor.getByRole("link", { name: "Download CSV" }).click();
  const csv = fs.readFileSync((await (await download).path())!, "utf8");
  expect(
    csv
      .split("\r\n")
      .filter((line) => line.startsWith(`${learnerName},`) && line.includes(`,${SEED_SLUG},`)),
  ).toHaveLength(1);

  await row.getByRole("link", { name: learnerName }).click();
  await expect(instructor.getByRole("heading", { level: 1, name: learnerName })).toBeVisible();
  const attempt = instructor.getByRole("group").first();
  await expect(attempt.getByRole("row", { name: /IAM/ }).first()).toContainText("✗ Wrong");
  await expect(attempt.getByRole("row", { name: /Physical Security/ })).toContainText("✓ Right");
  await instructorContext.close();
});
