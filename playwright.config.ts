import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

export const BASE_PORT = Number(process.env.E2E_PORT ?? 3210);
const PORT = BASE_PORT;
export const BASE_URL = `http://localhost:${PORT}`;
/** A second app instance on the same database, for the several-instances journey. */
export const SECOND_URL = `http://localhost:${PORT + 1}`;
/**
 * The servers the organisation features talk to, started by the tests that need them
 * (e2e/support/); scripts/e2e-server.sh points both instances at these ports. Extra servers
 * (e2e/support/extra-server.ts) take offsets from 40 up.
 */
export const OIDC_ISSUER = `http://127.0.0.1:${PORT + 10}`;
export const SMTP_PORT = PORT + 11;
export const LRS_PORT = PORT + 12;

// Debian's Chromium when it is installed (Playwright cannot download its own browser here); otherwise
// Playwright's own browser, so that a machine with `npx playwright install` works too.
const DEBIAN_CHROMIUM = "/usr/bin/chromium";
export const launchOptions = fs.existsSync(DEBIAN_CHROMIUM)
  ? {
      executablePath: DEBIAN_CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    }
  : {};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: { baseURL: BASE_URL, trace: "retain-on-failure" },
  projects: [
    { name: "api", testMatch: /e2e\/api\/.*\.spec\.ts/ },
    {
      name: "browser",
      testIgnore: /e2e\/(api|reliability)\//,
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    // The journeys tagged @phone again, on a 390×844 touch screen.
    {
      name: "phone",
      testIgnore: /e2e\/(api|reliability)\//,
      grep: /@phone/,
      use: {
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 3,
        isMobile: true,
        hasTouch: true,
        userAgent: devices["Pixel 7"].userAgent,
        launchOptions,
      },
    },
    // After the others, because the fuzz test checks that whole tables are unchanged.
    {
      name: "reliability",
      testMatch: /e2e\/reliability\/.*\.spec\.ts/,
      testIgnore: /pg-outage/,
      dependencies: ["api", "browser", "phone"],
    },
    // Last and alone: it stops the database that everything else uses.
    {
      name: "outage",
      testMatch: /e2e\/reliability\/pg-outage\.spec\.ts/,
      dependencies: ["reliability"],
    },
  ],
  webServer: [
    {
      // A production build on a database of its own, migrated and seeded afresh (scripts/e2e-server.sh).
      command: `bash scripts/e2e-server.sh ${PORT}`,
      url: `${BASE_URL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // The same build and database behind another port, as a second instance behind a load balancer.
      command: `bash scripts/e2e-server.sh ${PORT + 1} --second`,
      url: `${SECOND_URL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
