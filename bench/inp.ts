// npm run bench:inp: Interaction to Next Paint of placing a card in the quiz, measured with
// web-vitals in Debian's Chromium against the production server. Starts its own server and database.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { launchOptions } from "../playwright.config";
import { median } from "./load";

const root = path.resolve(import.meta.dirname, "..");
const PORT = 3450;
const BASE = `http://127.0.0.1:${PORT}`;
const env = {
  ...process.env,
  DATABASE_URL: "file:./bench/.work/inp.db",
  NEXTAUTH_SECRET: "inp-secret",
  NEXTAUTH_URL: BASE,
  NEXT_TELEMETRY_DISABLED: "1",
};

async function main() {
  for (const suffix of ["", "-wal", "-shm"])
    fs.rmSync(path.join(root, "bench/.work/inp.db") + suffix, { force: true });
  fs.mkdirSync(path.join(root, "bench/.work"), { recursive: true });
  execFileSync("npm", ["run", "--silent", "db:prepare"], { cwd: root, env, stdio: "ignore" });
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    cwd: root,
    env: { ...env, PORT: String(PORT) },
    stdio: "ignore",
    detached: true,
  });
  try {
    for (
      let i = 0;
      i < 100 &&
      !(await fetch(`${BASE}/api/health`).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    )
      await new Promise((r) => setTimeout(r, 100));
    // The same browser and flags as the Playwright suite.
    const browser = await chromium.launch(launchOptions);
    const page = await browser.newPage();
    const { csrfToken } = (await (await page.request.get(`${BASE}/api/auth/csrf`)).json()) as {
      csrfToken: string;
    };
    await page.request.post(`${BASE}/api/auth/callback/credentials`, {
      form: { csrfToken, email: "learner@example.com", password: "learn-aws-2026", json: "true" },
    });
    const webVitals = fs.readFileSync(
      path.join(root, "node_modules/web-vitals/dist/web-vitals.iife.js"),
      "utf8",
    );
    await page.addInitScript(
      `${webVitals};window.__inp=[];webVitals.onINP((m)=>window.__inp.push(m.value),{reportAllChanges:true,durationThreshold:0});`,
    );
    // Started through the API, so that the page opens on the board and only placing cards is measured.
    await page.request.post(`${BASE}/api/quizzes/aws-shared-responsibility-model/attempts`);
    await page.goto(`${BASE}/quiz/aws-shared-responsibility-model`);
    await page.locator(".quiz-card").first().focus();
    const keys = ["1", "2", "3"];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press(keys[i % 3]);
      await page.waitForTimeout(50);
    }
    // Clicks too: the "place in" buttons of the remaining cards.
    for (let i = 0; i < 6; i++) {
      await page.locator(".quiz-card").first().getByRole("button").first().click();
      await page.waitForTimeout(50);
    }
    const values = (await page.evaluate(
      () => (window as unknown as { __inp: number[] }).__inp,
    )) as number[];
    await browser.close();
    const inp = values.at(-1) ?? 0;
    console.log(
      JSON.stringify({
        interactions: 36,
        inpMs: inp,
        medianReportedMs: median(values),
        reports: values.length,
      }),
    );
  } finally {
    try {
      process.kill(-server.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
