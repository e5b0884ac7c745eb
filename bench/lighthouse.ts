// npm run bench:lighthouse [-- --runs 3]: Lighthouse's desktop performance score and Largest
// Contentful Paint for the seed lesson, against the production build (built first if there is none),
// on a throwaway database. Lighthouse 12.2.3 comes from the npm registry through npx: 13.x needs Node 22.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { loadLibrary } from "@/server/content/load-library";
import { createClient } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { syncContent } from "@/server/quiz/sync-content";
import { median } from "./load";
import { startServer, throwawayDatabase } from "./servers";

const root = path.resolve(import.meta.dirname, "..");
const work = path.join(root, "bench", ".work");
const PORT = 3400;
const LESSON_PATH = "/lessons/aws-shared-responsibility-model";
const CHROMIUM = "/usr/bin/chromium";
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1]) || 3;

interface LighthouseReport {
  categories: { performance: { score: number } };
  audits: Record<string, { numericValue: number }>;
}

function lighthouse(url: string): LighthouseReport {
  const output = execFileSync(
    "npx",
    [
      "--yes",
      "lighthouse@12.2.3",
      url,
      ...(fs.existsSync(CHROMIUM) ? [`--chrome-path=${CHROMIUM}`] : []),
      "--preset=desktop",
      "--only-categories=performance",
      "--output=json",
      "--output-path=stdout",
      "--quiet",
      // Root has no user namespace for Chromium's sandbox on these machines.
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ],
    {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return JSON.parse(output) as LighthouseReport;
}

async function main() {
  fs.mkdirSync(work, { recursive: true });
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("no production build: npm run build");
    execFileSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
  }
  const target = await throwawayDatabase("sqlite", "lighthouse", work);
  await migrate(target.url);
  const db = createClient(target.url);
  await syncContent(db, loadLibrary().notes);
  await db.$disconnect();
  const server = await startServer(root, PORT, target.url);
  try {
    const reports = Array.from({ length: runs }, () => lighthouse(`${server.base}${LESSON_PATH}`));
    const score = median(reports.map((r) => Math.round(r.categories.performance.score * 100)));
    const audit = (id: string) => median(reports.map((r) => r.audits[id].numericValue));
    const lcpMs = Math.round(audit("largest-contentful-paint"));
    const rows = [
      ["performance score", "≥ 95", String(score), score >= 95],
      ["Largest Contentful Paint", "< 1,000 ms", `${lcpMs} ms`, lcpMs < 1000],
    ] as const;
    console.log(`Lighthouse 12.2.3, desktop, ${LESSON_PATH}, median of ${runs} runs`);
    console.log(
      `  scores ${reports.map((r) => Math.round(r.categories.performance.score * 100)).join(", ")}; ` +
        `FCP ${Math.round(audit("first-contentful-paint"))} ms, TBT ${Math.round(audit("total-blocking-time"))} ms, ` +
        `CLS ${audit("cumulative-layout-shift").toFixed(3)}`,
    );
    for (const [measure, goal, value, met] of rows)
      console.log(
        `  ${measure.padEnd(26)} ${goal.padEnd(11)} ${value.padEnd(8)} ${met ? "yes" : "NO"}`,
      );
  } finally {
    await server.stop();
    await target.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
