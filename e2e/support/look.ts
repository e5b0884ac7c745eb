import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";

/**
 * What every journey checks about how a page looks and reads: screenshots kept as test artifacts,
 * no sideways scrolling, and axe with WCAG 2.1 A and AA plus axe's best practices (heading-order,
 * one main landmark, content inside landmarks, and the like).
 */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"];

/** The axe violations on the page as it is now, one line each: "rule (impact): help at targets". */
export async function axeViolations(page: Page): Promise<string[]> {
  // Next streams a page's metadata after its body: after a client navigation the <title> can land
  // a moment after the content, and axe must not scan in that gap (its document-title rule).
  await expect(page).toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`,
  );
}

export async function expectNoAxeViolations(page: Page, what = page.url()) {
  expect(await axeViolations(page), `axe violations on ${what}`).toEqual([]);
}

/** Nothing reaches past the right edge of the screen: the page never scrolls sideways. */
export async function expectNoSidewaysScroll(page: Page, what = page.url()) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${what}: no sideways scrolling`).toBeLessThanOrEqual(0);
}

/**
 * A screenshot kept with the test's results, named by the project (desktop or phone); also written
 * to $SHOTS_DIR when set, to look at by hand.
 */
export async function attachScreenshot(
  page: Page,
  testInfo: TestInfo,
  name: string,
  { fullPage = true } = {},
) {
  const file = `${name.replace(/\W+/g, "-")}-${testInfo.project.name}.png`;
  const body = await page.screenshot({
    fullPage,
    path: process.env.SHOTS_DIR ? `${process.env.SHOTS_DIR}/${file}` : undefined,
  });
  await testInfo.attach(file, { body, contentType: "image/png" });
}
