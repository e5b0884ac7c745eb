import { chromium } from "@playwright/test";
const [, , url, name, w = "390", h = "844", study = "", scrollSel = ""] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: +w, height: +h }, deviceScaleFactor: 1 });
await page.goto("http://localhost:3400" + url);
if (study) await page.getByLabel(/Study mode/).check();
if (scrollSel) await page.locator(scrollSel).scrollIntoViewIfNeeded();
const m = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth,
  matrix: [...document.querySelectorAll(".owner-matrix")].map(e => [e.scrollWidth, e.clientWidth]) }));
console.log(JSON.stringify(m));
await page.screenshot({ path: `/tmp/shots-lessons/${name}.png`, fullPage: !scrollSel });
await browser.close();
