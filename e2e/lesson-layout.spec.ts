import { expect, test } from "@playwright/test";
import { newLearner, SEED_SLUG } from "./fixtures";
import {
  attachScreenshot as shoot,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
} from "./support/look";

const OWNER_WORDS = /\b(AWS|Amazon|Customer|Customers|Shared)\b/;
const OWNER_LABELS = { AWS: "AWS", CUSTOMER: "Customer", SHARED: "Shared" } as const;

test(
  "[VISITOR] the lessons list shows each lesson once, grouped, and filters by tag",
  { tag: "@phone" },
  async ({ page }, testInfo) => {
    await page.goto("/lessons");
    await expect(page.getByRole("heading", { level: 1, name: "Lessons" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2 })).toHaveText([
      "Foundations",
      "Service models",
      "AWS services",
      "En español",
    ]);
    const titles = await page.getByRole("heading", { level: 3 }).allInnerTexts();
    expect(titles).toHaveLength(25);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles).toContain("AWS Shared Responsibility Model");
    // Summaries end at a sentence or word boundary.
    for (const summary of await page
      .locator(".lesson-card > p:not(.lesson-card-meta)")
      .allInnerTexts()) {
      expect(summary).toMatch(/[.!?…]$/);
    }

    const filter = page.getByRole("navigation", { name: "Filter lessons by tag" });
    await expect(filter.getByRole("link", { name: /^All lessons/ })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
    await shoot(page, testInfo, "lessons");

    await filter.getByRole("link", { name: /^#servicemodel/ }).click();
    await expect(page).toHaveURL(/\/tags\/servicemodel$/);
    await expect(page.getByRole("heading", { level: 1, name: "#servicemodel" })).toBeVisible();
    await expect(filter.getByRole("link", { name: /^#servicemodel/ })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(filter.getByRole("link", { name: /^All lessons/ })).not.toHaveAttribute(
      "aria-current",
    );
    await expect(page.getByRole("heading", { level: 3 })).toHaveCount(5);
    await expect(page.getByRole("heading", { level: 3, name: "AWS IAM" })).toHaveCount(0);
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
    await shoot(page, testInfo, "tag-servicemodel");
  },
);

test(
  "[VISITOR] the table of contents follows the title and folds away on a phone",
  { tag: "@phone" },
  async ({ page }, testInfo) => {
    await page.goto(`/lessons/${SEED_SLUG}`);
    const h1 = page.getByRole("heading", { level: 1 });
    const toc = page.getByRole("navigation", { name: "On this page" });
    if (testInfo.project.name === "phone") {
      const fold = page.locator("details.toc-fold");
      await expect(fold).not.toHaveAttribute("open");
      const [title, summary] = [await h1.boundingBox(), await fold.boundingBox()];
      expect(summary!.y).toBeGreaterThan(title!.y);
      await fold.getByText("On this page").click();
    }
    await expect(toc.getByRole("link", { name: "Customer Responsibilities" })).toBeVisible();
    await expect(toc.getByRole("link", { name: "Customer Responsibilities" })).toHaveAttribute(
      "href",
      "#customer-responsibilities",
    );
    // The seed's ### sections render as h2 under the page's h1.
    await expect(
      page.getByRole("heading", { level: 2, name: /^AWS Responsibilities/ }),
    ).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
    await shoot(page, testInfo, "lesson");
  },
);

test(
  "[VISITOR] study mode names no owner in headings, contents or matrix until revealed",
  { tag: "@phone" },
  async ({ page }, testInfo) => {
    // Reached by a client-side navigation, so the page's own study-mode rules must arrive with it.
    await page.goto("/lessons");
    await page.getByRole("link", { name: "AWS Shared Responsibility Model" }).click();
    await expect(page).toHaveURL(new RegExp(`/lessons/${SEED_SLUG}$`));
    const article = page.getByRole("article");
    const matrix = page.getByRole("table", { name: /Who runs each layer/ });
    await expect(matrix).toBeVisible();
    await expect(matrix.getByRole("row", { name: /Virtualization/ })).toContainText("AWS");

    await page.getByLabel(/Study mode/).check();
    if (testInfo.project.name === "phone") await page.locator("details.toc-fold summary").click();
    const toc = page.getByRole("navigation", { name: "On this page" });
    for (const name of await article.getByRole("heading", { level: 2 }).allInnerTexts()) {
      expect(name).not.toMatch(OWNER_WORDS);
    }
    for (const name of await toc.getByRole("link").allInnerTexts()) {
      expect(name).not.toMatch(OWNER_WORDS);
    }
    await expect(
      article.getByRole("heading", { level: 2, name: /^Controls \(1 of 3\)/ }),
    ).toBeVisible();
    await expect(toc.getByRole("link", { name: "Controls (2 of 3)" })).toBeVisible();
    await expect(toc.getByRole("link", { name: /Responsibilities|Shared/ })).toHaveCount(0);
    // 18 owners hidden; the three layers the quiz does not ask (WorkSpaces' guest OS and
    // applications, PaaS's guest OS) show no owner at all.
    const cells = await matrix.getByRole("cell").allInnerTexts();
    expect(cells.filter((text) => text.trim() === "Hidden")).toHaveLength(18);
    for (const text of cells) expect(text).not.toMatch(OWNER_WORDS);
    await expectNoAxeViolations(page);
    await page.locator("#layer-data").scrollIntoViewIfNeeded();
    await shoot(page, testInfo, "lesson-study");

    // Revealing one section brings back its heading and its contents entry, and nothing else.
    await page.getByLabel("Show who owns these controls").first().check();
    await expect(
      article.getByRole("heading", { level: 2, name: /^AWS Responsibilities/ }),
    ).toBeVisible();
    await expect(toc.getByRole("link", { name: "AWS Responsibilities" })).toBeVisible();
    await expect(toc.getByRole("link", { name: "Controls (2 of 3)" })).toBeVisible();
    await page.getByLabel("Show who runs each layer").check();
    await expect(
      matrix
        .getByRole("row", { name: /Virtualization/ })
        .getByRole("cell")
        .first(),
    ).toHaveText("AWS", { useInnerText: true });
    await expectNoAxeViolations(page);

    await page.getByLabel(/Study mode/).uncheck();
    await expect(toc.getByRole("link", { name: "Shared Controls" })).toBeVisible();
  },
);

test(
  "[VISITOR] the service matrix is a table of controls by service that never scrolls the page sideways",
  { tag: "@phone" },
  async ({ page }, testInfo) => {
    await page.goto("/lessons/the-line-moves-by-service");
    const matrix = page.getByRole("table", { name: "Who owns each control, by service" });
    await expect(matrix).toBeVisible();
    await expect(matrix.getByRole("columnheader")).toHaveCount(13);
    await expect(matrix.getByRole("rowheader")).toHaveText([
      "Physical hosts",
      "Guest OS patching",
      "Runtime or engine patching",
      "Network traffic rules",
      "Encryption at rest",
      "Backups",
      "Application code",
      "Identity and access",
      "Data classification",
    ]);
    // The table scrolls in its own region, which a keyboard can reach; the page does not.
    await expect(
      page.getByRole("region", { name: "Who owns each control, by service" }),
    ).toHaveAttribute("tabindex", "0");
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
    await page.getByLabel(/Study mode/).check();
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
    // A quiz explanation's link lands on the control's row.
    await page.goto(
      "/lessons/the-line-moves-by-service#matrix-who-owns-each-control-by-service-backups",
    );
    await expect(
      page.locator('tr[id="matrix-who-owns-each-control-by-service-backups"]'),
    ).toBeInViewport();
    await shoot(page, testInfo, "service-matrix");
  },
);

test(
  "[LEARNER] every service-model item's lesson link lands on a visible matrix row with its owner",
  { tag: "@phone" },
  async ({ page }) => {
    await newLearner(page.request);
    const created = await page.request.post(`/api/quizzes/${SEED_SLUG}/attempts`);
    const { attemptId, items } = (await created.json()) as {
      attemptId: string;
      items: Array<{ id: string; kind: string; serviceModel: string | null }>;
    };
    const submit = await page.request.post(`/api/attempts/${attemptId}/submit`, { data: {} });
    const { results } = (await submit.json()) as {
      results: Array<{
        itemId: string;
        expected: keyof typeof OWNER_LABELS;
        lessonHref: string;
        explanation: string;
      }>;
    };
    const service = items.filter((i) => i.kind === "matrix");
    // 21 layers, less WorkSpaces' guest OS and applications and PaaS's guest OS, which the seed's
    // annotations withdraw.
    expect(service).toHaveLength(18);

    await page.goto(`/lessons/${SEED_SLUG}`);
    const matrix = page.getByRole("table", { name: /Who runs each layer/ });
    const models = (await matrix.getByRole("columnheader").allInnerTexts()).map(
      (t) => t.split(/\s/)[0],
    );
    for (const item of service) {
      const result = results.find((r) => r.itemId === item.id)!;
      expect(result.explanation).not.toMatch(/\bnote\b|unsaid/);
      const [path, anchor] = result.lessonHref.split("#");
      expect(path).toBe(`/lessons/${SEED_SLUG}`);
      await page.goto(result.lessonHref);
      const row = page.locator(`tr[id="${anchor}"]`);
      await expect(row).toBeInViewport();
      const column = models.indexOf(item.serviceModel!.split(" ")[0]);
      expect(column).toBeGreaterThan(0);
      await expect(row.getByRole("cell").nth(column - 1)).toHaveText(
        OWNER_LABELS[result.expected],
        {
          useInnerText: true,
        },
      );
    }
  },
);

test(
  "[VISITOR] every lesson and tag page has no axe violations, study mode on and off",
  { tag: "@phone" },
  async ({ page }) => {
    test.setTimeout(600_000);
    await page.goto("/lessons");
    const lessons = await page
      .locator(".lesson-card h3 a")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    const tags = await page
      .getByRole("navigation", { name: "Filter lessons by tag" })
      .getByRole("link")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    for (const href of [...lessons, ...tags]) {
      await page.goto(href);
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
      const study = page.getByLabel(/Study mode/);
      if (await study.count()) {
        await study.check();
        await expectNoAxeViolations(page);
      }
    }
  },
);
