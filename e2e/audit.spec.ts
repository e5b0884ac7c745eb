import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { newLearner, signIn } from "./fixtures";
import { attachScreenshot, expectNoAxeViolations, expectNoSidewaysScroll } from "./support/look";

test("[ADMIN] changes a learner's role, finds it in the audit trail by action and downloads it as CSV @phone", async ({
  page,
  playwright,
  baseURL,
}, testInfo) => {
  // A journey over three pages with axe and a download: on two cores beside the phone run it can
  // pass a minute.
  test.setTimeout(120_000);
  const phone = testInfo.project.name === "phone";
  if (!phone) await page.setViewportSize({ width: 1280, height: 800 });
  const name = `Audrey Audit ${randomUUID().slice(0, 6)}`;
  const owner = await playwright.request.newContext({ baseURL });
  const learner = await newLearner(owner, name);
  await owner.dispose();
  await signIn(page.request, "admin@example.com");

  await page.goto("/admin/users");
  const row = page.getByRole("row").filter({ hasText: learner.email });
  await row.getByLabel(`Role of ${learner.email}`).selectOption("INSTRUCTOR");
  await row.getByRole("button", { name: "Save" }).click();
  // The row has two forms, the role's and the delete's, each with its own status.
  await expect(
    row.getByRole("status").filter({ hasText: `${learner.email} is now instructor.` }),
  ).toBeVisible();

  await page
    .getByRole("navigation", { name: "Admin" })
    .getByRole("link", { name: "Audit trail" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
  await page.getByLabel("What").selectOption("role.change");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]action=role\.change/);
  await expect(page.getByLabel("What")).toHaveValue("role.change");

  const entry = page.getByRole("row").filter({ hasText: name });
  await expect(entry).toHaveCount(1);
  await expect(entry.getByRole("rowheader")).toHaveText(/\d{4}/);
  await expect(entry.getByRole("cell").nth(0)).toContainText("Demo Admin");
  await expect(entry.getByRole("cell").nth(1)).toHaveText("role.change");
  await expect(entry.getByRole("cell").nth(2)).toContainText(`user ${name} ${learner.id}`);
  await expect(entry.getByRole("cell").nth(3)).toHaveText(/^[0-9a-f.:]+$/);
  await expect(entry.getByRole("cell").nth(4)).toHaveText("LEARNER → INSTRUCTOR");
  // Only role changes are listed.
  const actions = await page.locator("tbody tr td:nth-of-type(2)").allTextContents();
  expect(actions.length).toBeGreaterThan(0);
  expect(new Set(actions)).toEqual(new Set(["role.change"]));

  // A phone shows cards: nothing scrolls sideways.
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await attachScreenshot(page, testInfo, "the audit trail filtered to role changes");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV of these entries" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = fs
    .readFileSync((await file.path())!, "utf8")
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toBe("id,at,actorId,actorName,action,targetType,targetId,address,details");
  // Only role changes, at least those the page showed: specs running meanwhile may add more.
  expect(lines.length - 1).toBeGreaterThanOrEqual(actions.length);
  expect(lines.slice(1).every((line) => line.includes(",role.change,"))).toBe(true);
  const csvRow = lines.find((line) => line.includes(`,user,${learner.id},`))!;
  expect(csvRow).toContain(",Demo Admin,role.change,");
  expect(csvRow).toContain('"{""from"":""LEARNER"",""to"":""INSTRUCTOR""}"');

  // Filters that match nothing say so.
  await page.goto("/admin/audit?action=role.change&to=2000-01-01");
  await expect(page.getByRole("status").filter({ hasText: "No entries match" })).toBeVisible();
});

test("[INSTRUCTOR] deletes a team from its page after confirming; cancelling keeps it", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page.request, "instructor@example.com");
  const name = `Short team ${randomUUID().slice(0, 6)}`;
  const team = (await (await page.request.post("/api/teams", { data: { name } })).json()) as {
    id: string;
  };
  await page.goto(`/teams/${team.id}`);
  const remove = page.getByRole("button", { name: "Delete team" });

  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain(`Delete ${name}?`);
    void dialog.dismiss();
  });
  await remove.click();
  await expect(page).toHaveURL(new RegExp(`/teams/${team.id}$`));
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await remove.click();
  await expect(page).toHaveURL(/\/teams\?deleted=1$/);
  await expect(page.getByRole("status").filter({ hasText: "The team was deleted." })).toBeVisible();
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  expect((await page.request.get(`/api/teams/${team.id}/progress`)).status()).toBe(404);
});
