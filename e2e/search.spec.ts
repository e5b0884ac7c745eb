import { expect, test } from "@playwright/test";
import { attachScreenshot } from "./support/look";

test(
  "[READER] searches “patching” in the header, sees why lessons matched, and opens one with the keyboard",
  { tag: "@phone" },
  async ({ page }, testInfo) => {
    // The desktop screenshot at a laptop's 1280×800; the phone project is 390×844 already.
    if (testInfo.project.name !== "phone") await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/");
    await page.getByRole("banner").getByRole("button", { name: "Search" }).click();
    const dialog = page.getByRole("dialog", { name: "Search lessons" });
    const search = dialog.getByRole("combobox", { name: "Search lessons" });
    await expect(search).toBeFocused();
    await search.fill("patching");

    // Issue 26: the top results are lessons that say "patching", and each shows where, marked.
    const options = dialog.getByRole("listbox", { name: "Results" }).getByRole("option");
    await expect(options).toHaveCount(8);
    for (const option of (await options.all()).slice(0, 3)) {
      await expect(
        option
          .locator("mark")
          .filter({ hasText: /^patching$/i })
          .first(),
      ).toBeVisible();
    }
    await expect(options.filter({ hasText: "Amazon CloudWatch" })).toHaveCount(0);
    await expect(options.first()).toHaveAttribute("aria-selected", "true");
    await attachScreenshot(page, testInfo, "search-patching", { fullPage: false });

    // The keyboard, as before: arrow down to the second result, Enter to open it.
    await search.press("ArrowDown");
    const second = options.nth(1);
    await expect(second).toHaveAttribute("aria-selected", "true");
    await expect(options.first()).toHaveAttribute("aria-selected", "false");
    const title = (await second.locator(".hit-title").textContent())!;
    await search.press("Enter");

    await expect(dialog).toBeHidden();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page).toHaveURL(/\/lessons\/[^/]+$/);
    await expect(page.getByRole("article")).toContainText(/\bpatching\b/i);
  },
);
