import { expect, type Page } from "@playwright/test";

/**
 * Answers every cell of the focused matrix grid by keyboard, row by row: Home, then the owner's
 * digit and ArrowRight across. `digit` picks the key for each cell (1 AWS, 2 Customer, 3 Shared).
 */
export async function answerGridByKeyboard(
  page: Page,
  rows: number,
  columns: number,
  digit: (row: number, column: number) => number = () => 1,
) {
  await expect(page.getByRole("gridcell").and(page.locator(":focus"))).toHaveCount(1);
  // From wherever focus is, up to the first row.
  for (let row = 0; row < rows; row++) await page.keyboard.press("ArrowUp");
  for (let row = 0; row < rows; row++) {
    await page.keyboard.press("Home");
    for (let column = 0; column < columns; column++) {
      await page.keyboard.press(String(digit(row, column)));
      if (column < columns - 1) await page.keyboard.press("ArrowRight");
    }
    if (row < rows - 1) await page.keyboard.press("ArrowDown");
  }
}

/** On a phone: every layer of every service of the seed matrix, one service at a time. */
export async function answerMatrixByTouch(page: Page, owner: "AWS" | "Customer" | "Shared") {
  const matrix = page.locator(".quiz-matrix");
  const services = Number(
    /of (\d+)/.exec((await matrix.getByText(/^Service \d+ of \d+$/).textContent()) ?? "")?.[1],
  );
  for (let service = 0; service < services; service++) {
    const groups = matrix.locator(".quiz-matrix-owners");
    const count = await groups.count();
    for (let row = 0; row < count; row++)
      await groups.nth(row).getByRole("button", { name: owner, exact: true }).tap();
    if (service < services - 1) await matrix.getByRole("button", { name: "Next service" }).tap();
  }
}
