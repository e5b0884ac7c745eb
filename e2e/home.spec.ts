import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { answerAll, SEED_SLUG, signIn } from "./fixtures";
import { attachScreenshot, expectNoSidewaysScroll } from "./support/look";

test(
  "[VISITOR] the home page says what the app is for and offers an account or the first lesson",
  { tag: "@phone" },
  async ({ page }, testInfo) => {
    await page.goto("/");
    await expect(
      page.getByRole("heading", { level: 1, name: "Who secures what in the cloud?" }),
    ).toBeVisible();
    const signUp = page.getByRole("link", { name: "Create an account" });
    await expect(signUp).toBeVisible();
    await expect(signUp).toHaveAttribute("href", /^\/signup/);
    await expect(signUp).toHaveClass(/button-primary/);
    const start = page.getByRole("link", { name: "Start with the AWS model" });
    await expect(start).toBeVisible();
    await expect(start).toHaveAttribute("href", `/lessons/${SEED_SLUG}`);
    await expect(page.getByRole("heading", { level: 2, name: "How it works" })).toBeVisible();
    // The footer speaks to learners.
    await expect(page.getByRole("contentinfo")).not.toContainText("Markdown");
    await expectNoSidewaysScroll(page);
    await attachScreenshot(page, testInfo, "home-signed-out");

    await start.click();
    await expect(
      page.getByRole("heading", { level: 1, name: "AWS Shared Responsibility Model" }),
    ).toBeVisible();
  },
);

test(
  "[VISITOR] signs up from the home page and lands on a home page of their own",
  { tag: "@phone" },
  async ({ page }, testInfo) => {
    const name = `Newcomer ${randomUUID().slice(0, 6)}`;
    await page.goto("/");
    await page.getByRole("link", { name: "Create an account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();
    await page.getByLabel("Display name").fill(name);
    await page.getByLabel("Email").fill(`home-${randomUUID().slice(0, 8)}@example.com`);
    await page.getByLabel("Password").fill("a-good-long-password");
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${name}` })).toBeVisible();
    await expect(
      page.getByRole("heading", { level: 2, name: "Continue where you left off" }),
    ).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Reviews due" })).toBeVisible();
    await expect(page.getByText("None due")).toBeVisible();
    await expect(page.getByRole("link", { name: "Open review" })).toHaveAttribute(
      "href",
      "/review",
    );
    // A newcomer's next lesson is the AWS model.
    const next = page.getByRole("link", { name: "Read AWS Shared Responsibility Model" });
    await expect(next).toHaveAttribute("href", `/lessons/${SEED_SLUG}`);
    await expectNoSidewaysScroll(page);
    await attachScreenshot(page, testInfo, "home-new-learner");

    // Once the lesson is read and its quiz answered, the home page picks up from there.
    expect(
      (await page.request.put(`/api/me/lessons/${SEED_SLUG}/read`, { data: { read: true } })).ok(),
    ).toBe(true);
    await page.reload();
    await expect(
      page.getByRole("link", { name: "Back to AWS Shared Responsibility Model" }),
    ).toHaveAttribute("href", `/lessons/${SEED_SLUG}`);
    await expect(
      page.getByRole("link", { name: "Read AWS Shared Responsibility Model" }),
    ).toHaveCount(0);

    const started = await page.request.post(`/api/quizzes/${SEED_SLUG}/attempts`);
    const { attemptId, items } = (await started.json()) as {
      attemptId: string;
      items: Array<{ id: string; options: Array<{ key: string }> }>;
    };
    const answers = answerAll(items, "AWS");
    await page.request.post(`/api/attempts/${attemptId}/submit`, { data: { answers } });
    await page.reload();
    await expect(page.getByText(/Your last quiz: \d+ of \d+ right\./)).toBeVisible();
    await expect(
      page.getByRole("link", { name: "Open the quiz: AWS Shared Responsibility Model" }),
    ).toHaveAttribute("href", `/quiz/${SEED_SLUG}`);
    const { due } = (await (await page.request.get("/api/me/progress")).json()) as { due: number };
    if (due > 0) await expect(page.getByText(`${due} item${due === 1 ? "" : "s"}`)).toBeVisible();
    await attachScreenshot(page, testInfo, "home-after-quiz");
  },
);

test(
  "[VISITOR] the header fits one row; its menu opens by touch or keyboard and closes with Escape; search closes with its button or a tap outside",
  { tag: "@phone" },
  async ({ page }, testInfo) => {
    await page.goto("/");
    const header = page.getByRole("banner");
    const menu = header.getByRole("button", { name: "Menu" });
    const nav = header.getByRole("navigation", { name: "Main" });
    const lessons = nav.getByRole("link", { name: "Lessons" });
    const phone = testInfo.project.name === "phone";

    // One row: the brand, search, theme and menu share a line.
    const brand = await header
      .getByRole("link", { name: /^Cloud (Responsibility )?Academy$/ })
      .boundingBox();
    const search = await header.getByRole("button", { name: "Search" }).boundingBox();
    expect(Math.abs(brand!.y + brand!.height / 2 - (search!.y + search!.height / 2))).toBeLessThan(
      8,
    );
    await expectNoSidewaysScroll(page);

    if (phone) {
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(lessons).toBeHidden();
      // Touch: a tap opens, a tap outside closes.
      await menu.tap();
      await expect(menu).toHaveAttribute("aria-expanded", "true");
      await expect(lessons).toBeVisible();
      await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
      await attachScreenshot(page, testInfo, "header-menu-open");
      await page.touchscreen.tap(195, 800);
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(lessons).toBeHidden();

      // Keyboard: Enter opens, Tab reaches the links, Escape closes and gives focus back.
      await menu.focus();
      await page.keyboard.press("Enter");
      await expect(menu).toHaveAttribute("aria-expanded", "true");
      await page.keyboard.press("Tab");
      await expect(lessons).toBeFocused();
      await page.keyboard.press("Escape");
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(menu).toBeFocused();

      // Following a link closes the menu.
      await menu.tap();
      await lessons.tap();
      await expect(page.getByRole("heading", { level: 1, name: "Lessons" })).toBeVisible();
      await expect(menu).toHaveAttribute("aria-expanded", "false");
    } else {
      // A wide screen shows the links in the header row and needs no menu.
      await expect(menu).toBeHidden();
      await expect(lessons).toBeVisible();
    }

    // The search dialog: a visible close button, and a click or tap on the backdrop, both close it.
    const dialog = page.getByRole("dialog", { name: "Search lessons" });
    const openSearch = () => header.getByRole("button", { name: "Search" }).click();
    await openSearch();
    await expect(dialog).toBeVisible();
    await page.getByRole("combobox", { name: "Search lessons" }).fill("KMS");
    await expect(dialog.getByRole("option").first()).toBeVisible();
    await attachScreenshot(page, testInfo, "search-open");
    await dialog.getByRole("button", { name: "Close search" }).click();
    await expect(dialog).toBeHidden();

    await openSearch();
    await expect(dialog).toBeVisible();
    const box = (await dialog.boundingBox())!;
    const viewport = page.viewportSize()!;
    const outside = {
      x: viewport.width / 2,
      y: Math.min(viewport.height - 10, box.y + box.height + 40),
    };
    if (phone) await page.touchscreen.tap(outside.x, outside.y);
    else await page.mouse.click(outside.x, outside.y);
    await expect(dialog).toBeHidden();

    // A tap inside the dialog keeps it open; Escape closes it in one press, even with text typed.
    await openSearch();
    await page.getByRole("combobox", { name: "Search lessons" }).fill("patch");
    await dialog.getByText("Search lessons", { exact: true }).click();
    await expect(dialog).toBeVisible();
    await page.getByRole("combobox", { name: "Search lessons" }).press("Escape");
    await expect(dialog).toBeHidden();
  },
);

test(
  "[ADMIN] the shell's pages fit a phone screen: no sideways scroll, the users table as cards",
  { tag: "@phone" },
  async ({ page }, testInfo) => {
    for (const path of ["/", "/signin", "/signup", "/join/DEMO-TEAM-2026"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSidewaysScroll(page);
    }
    await signIn(page.request, "admin@example.com");
    for (const path of ["/", "/teams", "/account", "/admin/users"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSidewaysScroll(page);
    }
    // Every user's email is shown whole, inside the screen.
    // The Email field of the user's card (on a phone the table's cells are cards' lines, not cells).
    const email = page
      .locator('td[data-label="Email"]')
      .filter({ hasText: /^learner@example\.com$/ });
    await expect(email).toBeVisible();
    const cell = (await email.boundingBox())!;
    expect(cell.x + cell.width).toBeLessThanOrEqual(page.viewportSize()!.width);
    await expect(page.getByRole("combobox", { name: "Role of learner@example.com" })).toBeVisible();
    await attachScreenshot(page, testInfo, "admin-users");
  },
);

test("[VISITOR] the favicon, the app icon and the manifest are served, and the page logs no error", async ({
  page,
  request,
}) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto("/");
  await expect(page.locator('head link[rel="icon"]').first()).toHaveAttribute("href", /icon\.svg/);
  await expect(page.locator('head link[rel="apple-touch-icon"]')).toHaveAttribute(
    "href",
    /apple-icon\.png/,
  );
  await expect(page.locator('head link[rel="manifest"]')).toHaveAttribute(
    "href",
    "/manifest.webmanifest",
  );

  const expected = {
    "/icon.svg": "image/svg+xml",
    "/apple-icon.png": "image/png",
    "/manifest.webmanifest": "application/manifest+json",
  };
  for (const [path, type] of Object.entries(expected)) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toContain(type);
    // The proxy's headers are there, and none of them stops a browser from using the file.
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(response.headers()["content-security-policy"], path).toContain("default-src 'self'");
  }
  const manifest = (await (await request.get("/manifest.webmanifest")).json()) as {
    icons: Array<{ src: string }>;
  };
  for (const icon of manifest.icons)
    expect((await request.get(icon.src)).status(), icon.src).toBe(200);
  await page.reload();
  expect(errors).toEqual([]);
});
