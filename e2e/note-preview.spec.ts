import { expect, test, type Page } from "@playwright/test";
import { newLearner, signIn } from "./fixtures";
import { attachScreenshot, expectNoAxeViolations, expectNoSidewaysScroll } from "./support/look";

/** A note as an author writes one: an AWS and a Customer section, a link out, and a broken line. */
const NOTE = [
  "# Bucket Basics", // 1
  "",
  "#storage",
  "",
  "Who keeps an S3 bucket safe. See [[Amazon S3]] and [[No Such Note]].", // 5
  "",
  "## AWS responsibilities", // 7
  "",
  "- **Storage hardware**: Replaces failed disks in the data centres.", // 9
  "- TODO: check this one", // 10
  "- **Service availability**: Keeps the endpoints answering.", // 11
  "",
  "## Customer responsibilities", // 13
  "",
  "- **Bucket policies**: Writes who may read a bucket.", // 15
  "- **Object encryption**: Turns on default encryption for new objects.", // 16
  "",
].join("\n");

async function openPreview(page: Page) {
  await signIn(page.request, "instructor@example.com");
  await page.goto("/authoring/preview");
  await expect(page.getByRole("heading", { level: 1, name: "Preview a note" })).toBeVisible();
}

test(
  "[INSTRUCTOR] pastes a note and sees its lesson, its items with owner and rule, and every warning",
  { tag: "@phone" },
  async ({ page }, testInfo) => {
    await signIn(page.request, "instructor@example.com");
    // Found from the lessons list, which shows the way only to those who teach.
    await page.goto("/lessons");
    await page.getByRole("link", { name: "Preview it" }).click();
    await expect(page).toHaveURL(/\/authoring\/preview$/);
    await expectNoAxeViolations(page, "the empty preview form");

    await page.getByLabel("File name (optional)").fill("Bucket Basics.md");
    await page.getByLabel("Note (markdown)").fill(NOTE);
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Preview ready" })).toHaveText(
      "Preview ready: 4 quiz items, 0 errors, 2 warnings.",
    );
    // Keyboard and screen-reader users land on the results, below the long form.
    await expect(page.getByRole("heading", { name: "Preview of “Bucket Basics”" })).toBeFocused();
    await expect(page.getByText("From Bucket Basics.md: 4 quiz items")).toBeVisible();
    // Nothing the author typed is lost: the form still holds the note, to fix and preview again.
    await expect(page.getByLabel("Note (markdown)")).toHaveValue(NOTE);

    // The lesson, as a lesson page renders it: title, tags, cards with owners, links resolved.
    const lesson = page.getByRole("region", { name: "Lesson preview" });
    await expect(lesson.getByRole("heading", { level: 1, name: "Bucket Basics" })).toBeVisible();
    await expect(lesson.getByRole("link", { name: "#storage" })).toBeVisible();
    const card = lesson.getByRole("listitem").filter({ hasText: "Storage hardware" });
    await expect(card).toContainText("AWS");
    await expect(lesson.getByRole("link", { name: "Amazon S3" })).toHaveAttribute(
      "href",
      "/lessons/amazon-s3",
    );
    // An unwritten note is text, not a broken link.
    await expect(lesson.getByText("No Such Note (not written yet)")).toBeVisible();
    await expect(lesson.getByRole("link", { name: /No Such Note/ })).toHaveCount(0);

    // The items, each with its owner and the heading and rule the owner came from.
    const items = page.getByRole("table", { name: "Quiz items" });
    await expect(items.getByRole("row")).toHaveCount(5);
    for (const [term, owner, line, from] of [
      ["Storage hardware", "AWS", "9", "“AWS responsibilities”, line 7 rule aws-responsibilities"],
      ["Service availability", "AWS", "11", "rule aws-responsibilities"],
      [
        "Bucket policies",
        "Customer",
        "15",
        "“Customer responsibilities”, line 13 rule customer-responsibilities",
      ],
      ["Object encryption", "Customer", "16", "rule customer-responsibilities"],
    ]) {
      const row = items.getByRole("row").filter({ hasText: term });
      await expect(row.getByRole("cell").nth(1)).toHaveText(owner);
      await expect(row.getByRole("cell").nth(2)).toHaveText("Who owns it");
      await expect(row.getByRole("cell").nth(3)).toHaveText(line);
      await expect(row.getByRole("cell").nth(4)).toContainText(from);
    }

    // Every warning, by line: the broken line and the link to an unwritten note.
    const problems = page.getByRole("table", { name: "Errors and warnings" });
    await expect(problems.getByRole("row")).toHaveCount(3);
    await expect(problems.getByRole("row").nth(1)).toContainText(
      /5\s*Warning\s*link to unwritten note "No Such Note"/,
    );
    await expect(problems.getByRole("row").nth(2)).toContainText(
      /10\s*Warning\s*bullet "TODO: check this one" is a reminder/,
    );

    await expectNoAxeViolations(page, "the preview with its results");
    await expectNoSidewaysScroll(page);
    await attachScreenshot(page, testInfo, "note preview");
  },
);

test("[INSTRUCTOR] works by keyboard: fields in order, Preview pressed with Enter", async ({
  page,
}) => {
  await openPreview(page);
  await page.getByLabel("File name (optional)").focus();
  await page.keyboard.type("Keys.md");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Upload a .md file (optional)")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Note (markdown)")).toBeFocused();
  await page.keyboard.insertText("# Keys\n\n## AWS responsibilities\n\n- **Hardware**: Disks.\n");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Preview", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Preview of “Keys”" })).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "Preview ready" })).toHaveText(
    "Preview ready: 1 quiz item, 0 errors, 0 warnings.",
  );
});

test("[INSTRUCTOR] uploads a .md file, read in the browser into the text box", async ({ page }) => {
  await openPreview(page);
  await page.getByLabel("Upload a .md file (optional)").setInputFiles({
    name: "Uploaded Note.md",
    mimeType: "text/markdown",
    buffer: Buffer.from(NOTE.replace("# Bucket Basics", "# Uploaded Note")),
  });
  await expect(page.getByLabel("Note (markdown)")).toHaveValue(/^# Uploaded Note/);
  await expect(page.getByLabel("File name (optional)")).toHaveValue("Uploaded Note.md");
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Preview of “Uploaded Note”" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Quiz items" }).getByRole("row")).toHaveCount(5);
});

test("[INSTRUCTOR] a <script>, an event handler or a javascript: link in a note never runs", async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await openPreview(page);
  const attack = [
    "# Hostile Note",
    "",
    "<script>alert('script'); window.__pwned = 'script'</script>",
    "",
    '<img src="/no-such-image.png" alt="broken" onerror="alert(\'onerror\'); window.__pwned = \'onerror\'">',
    "",
    "<a href=\"javascript:alert('href')\" onclick=\"window.__pwned = 'onclick'\">raw link</a>",
    "",
    "[markdown link](javascript:alert('markdown'))",
    "",
    "<details open ontoggle=\"window.__pwned = 'ontoggle'\"><summary>Fold</summary>Inside</details>",
    "",
  ].join("\n");
  await page.getByLabel("Note (markdown)").fill(attack);
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  const lesson = page.getByRole("region", { name: "Lesson preview" });
  await expect(lesson.getByRole("heading", { level: 1, name: "Hostile Note" })).toBeVisible();
  // The script shows as text; the image is there without its handler.
  await expect(lesson.getByText("<script>alert('script');")).toBeVisible();
  await expect(lesson.getByRole("img", { name: "broken" })).not.toHaveAttribute("onerror", /.*/);
  await expect(lesson.locator("[onerror], [onclick], [ontoggle], script")).toHaveCount(0);
  await expect(lesson.locator('a[href^="javascript:" i]')).toHaveCount(0);
  // Following what is left of the links runs nothing either.
  await lesson.getByText("raw link").click();
  await lesson.getByText("markdown link").click();
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
});

test("[INSTRUCTOR] a 2 MB paste is refused beside the text box before anything is sent", async ({
  page,
}) => {
  await openPreview(page);
  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") sent.push(request.url());
  });
  const note = page.getByLabel("Note (markdown)");
  await note.fill(`# Huge\n\n${"x".repeat(2 * 1024 * 1024)}`);
  const message = "This note is 2.0 MB; the limit is 512 KB.";
  await expect(page.getByText(message)).toBeVisible();
  await expect(note).toHaveAttribute("aria-invalid", "true");
  await expect(note).toHaveAccessibleDescription(new RegExp(message.replace(/\./g, "\\.")));
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(note).toBeFocused();
  await page.waitForTimeout(300);
  expect(sent).toEqual([]);
  await expect(page.getByRole("heading", { name: /^Preview of/ })).toHaveCount(0);

  // Made small enough, it goes through.
  await note.fill("# Small enough\n");
  await expect(page.getByText(message)).toHaveCount(0);
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Preview of “Small enough”" })).toBeVisible();
});

test("[LEARNER] gets the 404 page, and no way there; [ANONYMOUS] is sent to sign in", async ({
  page,
  browser,
  baseURL,
}) => {
  await newLearner(page.request, "Curious Learner");
  await page.goto("/lessons");
  await expect(page.getByRole("heading", { level: 1, name: "Lessons" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Preview it" })).toHaveCount(0);
  const response = await page.goto("/authoring/preview");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Page not found")).toBeVisible();
  await expect(page.getByLabel("Note (markdown)")).toHaveCount(0);

  const stranger = await browser.newContext({ baseURL });
  const visitor = await stranger.newPage();
  await visitor.goto("/authoring/preview");
  await expect(visitor).toHaveURL(/\/signin\?callbackUrl=%2Fauthoring%2Fpreview$/);
  await stranger.close();
});
