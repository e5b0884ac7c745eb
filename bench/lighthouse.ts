// npm run bench:lighthouse [-- --runs 3] [--path /lessons/aws-iam] [--mobile]: Lighthouse's desktop scores
// (performance, accessibility, best practices) and Largest Contentful Paint for the home page and the
// seed lesson, against the production build (built first if there is none), on a throwaway database.
// Lighthouse 12.2.3 comes from the npm registry through npx: 13.x needs Node 22.
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
// Outside 3300–3700, where the e2e servers of parallel worktrees listen.
const PORT = 3790;
const DEFAULT_PATHS = ["/", "/lessons/aws-shared-responsibility-model"];
const CHROMIUM = "/usr/bin/chromium";
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1]) || 3;
// --mobile: Lighthouse's default phone emulation (Moto G Power, slow 4G, 4× CPU slow-down).
const mobile = args.includes("--mobile");
const paths = args.flatMap((arg, i) => (arg === "--path" && args[i + 1] ? [args[i + 1]] : []));

const CATEGORIES = [
  { id: "performance", goal: 95 },
  { id: "accessibility", goal: 95 },
  { id: "best-practices", goal: 100 },
] as const;

interface LighthouseReport {
  categories: Record<
    (typeof CATEGORIES)[number]["id"],
    { score: number; auditRefs: Array<{ id: string; weight: number }> }
  >;
  audits: Record<string, { numericValue: number; score: number | null; title: string }>;
}

function lighthouse(url: string): LighthouseReport {
  const output = execFileSync(
    "npx",
    [
      "--yes",
      "lighthouse@12.2.3",
      url,
      ...(fs.existsSync(CHROMIUM) ? [`--chrome-path=${CHROMIUM}`] : []),
      ...(mobile ? [] : ["--preset=desktop"]),
      `--only-categories=${CATEGORIES.map((c) => c.id).join(",")}`,
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

function report(page: string, base: string) {
  const reports = Array.from({ length: runs }, () => lighthouse(`${base}${page}`));
  const scoreOf = (r: LighthouseReport, id: string) =>
    Math.round((r.categories[id as keyof LighthouseReport["categories"]]?.score ?? 0) * 100);
  const audit = (id: string) => median(reports.map((r) => r.audits[id].numericValue));
  const lcpMs = Math.round(audit("largest-contentful-paint"));
  const device = mobile ? "mobile" : "desktop";
  console.log(`Lighthouse 12.2.3, ${device}, ${page}, median of ${runs} runs`);
  console.log(
    `  FCP ${Math.round(audit("first-contentful-paint"))} ms, ` +
      `TBT ${Math.round(audit("total-blocking-time"))} ms, ` +
      `CLS ${audit("cumulative-layout-shift").toFixed(3)}`,
  );
  const rows: Array<[string, string, string, boolean]> = CATEGORIES.map(({ id, goal }) => {
    const scores = reports.map((r) => scoreOf(r, id));
    const score = median(scores);
    return [`${id} score`, `≥ ${goal}`, `${score} (${scores.join(", ")})`, score >= goal];
  });
  rows.push(["Largest Contentful Paint", "< 1,000 ms", `${lcpMs} ms`, lcpMs < 1000]);
  for (const [measure, goal, value, met] of rows)
    console.log(
      `  ${measure.padEnd(26)} ${goal.padEnd(11)} ${value.padEnd(16)} ${met ? "yes" : "NO"}`,
    );
  // What cost points in accessibility and best practices, so that a score below 100 says why.
  const failing = new Set(
    reports.flatMap((r) =>
      (["accessibility", "best-practices"] as const)
        .flatMap((category) => r.categories[category].auditRefs)
        .filter((ref) => ref.weight > 0 && (r.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${ref.id}: ${r.audits[ref.id].title}`),
    ),
  );
  if (failing.size > 0) console.log(`  audits below full marks: ${[...failing].join("; ")}`);
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
    for (const page of paths.length > 0 ? paths : DEFAULT_PATHS) report(page, server.base);
  } finally {
    await server.stop();
    await target.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
