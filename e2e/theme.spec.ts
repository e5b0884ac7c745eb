import { expect, test, type Page } from "@playwright/test";

/** The theme on <html> when the browser ran its first animation frame, before it first painted. */
async function themeAtFirstFrame(page: Page) {
  return page.evaluate(() => sessionStorage.getItem("themeAtFirstFrame"));
}

test("[READER] a saved theme applies before the first paint, under either script policy, and the toggle keeps the choice", async ({
  page,
}) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  await page.emulateMedia({ colorScheme: "light" });
  await page.addInitScript(() => {
    if (localStorage.getItem("theme") === null) localStorage.setItem("theme", "dark");
    requestAnimationFrame(() =>
      sessionStorage.setItem("themeAtFirstFrame", document.documentElement.dataset.theme ?? ""),
    );
  });

  // A page rendered per request (nonce policy), then a prerendered lesson ('unsafe-inline' policy).
  // The toggle must name the theme the saved choice set, however late the async script ran.
  for (const path of ["/signin", "/lessons/aws-iam"]) {
    await page.goto(path);
    expect(await themeAtFirstFrame(page), path).toBe("dark");
    await expect(page.getByRole("button", { name: "Switch to light theme" }), path).toBeVisible();
  }

  await page.getByRole("button", { name: "Switch to light theme" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await page.reload();
  expect(await themeAtFirstFrame(page)).toBe("light");
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await page.reload();
  expect(await themeAtFirstFrame(page)).toBe("dark");
  await expect(page.getByRole("button", { name: "Switch to light theme" })).toBeVisible();
  expect(refused).toEqual([]);
});

test("[READER] with no saved choice the toggle follows the system setting as it changes", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/lessons/aws-iam");
  await expect(page.getByRole("button", { name: "Switch to light theme" })).toBeVisible();
  await page.emulateMedia({ colorScheme: "light" });
  await expect(page.getByRole("button", { name: "Switch to dark theme" })).toBeVisible();
});
