// npm run bench [-- --quick] [-- --database postgresql]
// Builds a copy of the app (bench/bench-app.ts) and serves it on throwaway databases, seeds synthetic
// populations through the app's own code, measures every figure side by side in one run, and writes
// bench/results.json plus a table. See README, "Performance".
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { buildLibrary } from "@/lib/content/build-library";
import { parseNote } from "@/lib/content/parse-note";
import { loadLibrary } from "@/server/content/load-library";
import { createClient, type Db } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { startQuizAttempt } from "@/server/quiz/start-attempt";
import { syncContent } from "@/server/quiz/sync-content";
import { BARE_PATH, benchAppDir, buildApp, copyApp, writeBarePage } from "./bench-app";
import { formatLadder, measureLearnersServed } from "./learners";
import { median, runLoad, type LoadResult } from "./load";
import {
  answerLike,
  createBenchTeam,
  createLearners,
  loadCatalog,
  recordAttempts,
} from "./population";
import { formatTable, writeResults, type BenchResults } from "./results";
import {
  sessionCookie,
  startServer,
  throwawayDatabase,
  type DatabaseKind,
  type Server,
} from "./servers";
import { createRng, syntheticNotes } from "./synthetic-notes";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const database: DatabaseKind =
  args[args.indexOf("--database") + 1] === "postgresql" ? "postgresql" : "sqlite";
const root = path.resolve(import.meta.dirname, "..");
const work = path.join(root, "bench", ".work");
const appDir = benchAppDir(root);
const PORT = 3400;
const SEED_SLUG = "aws-shared-responsibility-model";
const LESSON_PATH = `/lessons/${SEED_SLUG}`;

const size = quick
  ? {
      learners: 1000,
      answers: 100_000,
      roundMs: 4_000,
      submitsPerRound: 1_500,
      dashboardRequests: 40,
      rounds: 3,
      learnerLadder: [2_500, 5_000, 10_000],
      learnerWindowMs: 30_000,
    }
  : {
      learners: 1000,
      answers: 1_000_000,
      roundMs: 8_000,
      submitsPerRound: 4_000,
      dashboardRequests: 80,
      rounds: 3,
      learnerLadder: [2_500, 5_000, 10_000, 20_000, 40_000, 80_000],
      learnerWindowMs: 60_000,
    };

const log = (message: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function measureContentBuild(): Promise<BenchResults["contentBuild"]> {
  const notes = syntheticNotes(3000);
  const dir = path.join(work, "notes-3000");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, "notes"), { recursive: true });
  for (const note of notes) fs.writeFileSync(path.join(dir, note.file), note.source);
  const target = await throwawayDatabase(database, "content", work);
  await migrate(target.url);
  const db = createClient(target.url);
  const started = performance.now();
  // The same steps as content:check plus content:sync: read, parse, link, then sync items.
  const parsed = fs.readdirSync(path.join(dir, "notes")).map((file) =>
    parseNote({
      file: `notes/${file}`,
      source: fs.readFileSync(path.join(dir, "notes", file), "utf8"),
    }),
  );
  const library = buildLibrary(parsed);
  await syncContent(db, library.notes);
  const seconds = (performance.now() - started) / 1000;
  await db.$disconnect();
  await target.drop();
  return { notes: library.notes.length, seconds: Math.round(seconds * 100) / 100 };
}

async function pageBytes(base: string, pathname: string): Promise<number> {
  return (await (await fetch(`${base}${pathname}`)).arrayBuffer()).byteLength;
}

/** The gzip size of the scripts a page loads in a modern browser. */
async function pageJsKb(base: string, pathname: string): Promise<number> {
  const html = await (await fetch(`${base}${pathname}`)).text();
  // Modern browsers skip noModule scripts (Next's legacy polyfills), so they are not counted.
  const scripts = [...html.matchAll(/<script([^>]*)>/g)]
    .filter((m) => !/nomodule/i.test(m[1]))
    .flatMap((m) => /src="([^"]+)"/.exec(m[1])?.[1] ?? []);
  let bytes = 0;
  for (const src of new Set(scripts))
    bytes += zlib.gzipSync(
      Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer()),
    ).length;
  return Math.round(bytes / 102.4) / 10;
}

// The bare page's text size is kept from run to run, so that a build usually comes out at the
// lesson's size at once; the first run, or a lesson that changed size, builds a second time.
const calibrationFile = path.join(work, "bare-page.json");
const readBareText = (): number =>
  fs.existsSync(calibrationFile)
    ? (JSON.parse(fs.readFileSync(calibrationFile, "utf8")) as { textChars: number }).textChars
    : 14_000;

/** Builds the copy and starts it, rebuilding once if the bare page is not within 5% of the lesson. */
async function buildAndStart(databaseUrl: string): Promise<Server> {
  let textChars = readBareText();
  writeBarePage(appDir, textChars);
  log("building the app with the bare page");
  buildApp(appDir);
  let server = await startServer(appDir, PORT, databaseUrl);
  const lesson = await pageBytes(server.base, LESSON_PATH);
  const bare = await pageBytes(server.base, BARE_PATH);
  if (Math.abs(bare - lesson) > lesson * 0.05) {
    // Each character of the bare page's text is in its HTML twice: markup and RSC payload.
    textChars = Math.max(0, Math.round(textChars + (lesson - bare) / 2));
    log(`bare page ${bare} bytes against the lesson's ${lesson}: building it again`);
    await server.stop();
    writeBarePage(appDir, textChars);
    buildApp(appDir);
    server = await startServer(appDir, PORT, databaseUrl);
  }
  fs.writeFileSync(calibrationFile, JSON.stringify({ textChars }));
  log(
    `lesson ${await pageBytes(server.base, LESSON_PATH)} bytes, bare page ${await pageBytes(server.base, BARE_PATH)} bytes`,
  );
  return server;
}

function summarize(results: LoadResult[]): { rps: number; p95ms: number } {
  return { rps: median(results.map((r) => r.rps)), p95ms: median(results.map((r) => r.p95ms)) };
}

function assertOk(label: string, result: LoadResult) {
  const bad = Object.entries(result.statuses).filter(([status]) => !status.startsWith("2"));
  if (bad.length > 0)
    throw new Error(`${label}: non-2xx responses ${JSON.stringify(result.statuses)}`);
}

async function prepareSubmits(db: Db, count: number, rng: () => number) {
  const users = await createLearners(db, count, `submit${Date.now().toString(36)}`);
  const owners = (await loadCatalog(db)).owners;
  const prepared: Array<{ cookie: string; attemptId: string; body: string }> = [];
  for (const user of users) {
    const { attemptId, items } = await startQuizAttempt(db, user.id, SEED_SLUG);
    const answers = items.map((item) => ({
      itemId: item.id,
      choice: answerLike(owners.get(item.id) ?? "SHARED", rng),
    }));
    prepared.push({
      cookie: await sessionCookie(user.id),
      attemptId,
      body: JSON.stringify({ answers }),
    });
  }
  return prepared;
}

/** Static, health, lesson, bare page, submit and dashboard figures, on `database`. */
async function measureServerFigures(): Promise<Omit<BenchResults, "contentBuild" | "learners">> {
  const target = await throwawayDatabase(database, "app", work);
  await migrate(target.url);
  const db = createClient(target.url);
  const rng = createRng(11);
  // Synthetic notes' items too, as a population would have, without making their lessons pages.
  await syncContent(db, [
    ...loadLibrary().notes,
    ...buildLibrary(syntheticNotes(10, 99).map(parseNote)).notes,
  ]);

  log(`population: ${size.learners} learners in one team`);
  const learners = await createLearners(db, size.learners, "team");
  const { team, instructor } = await createBenchTeam(db, learners);
  const catalog = await loadCatalog(db);
  const history = {
    quizzes: catalog.quizzes.filter((q) => q.slug === SEED_SLUG),
    owners: catalog.owners,
  };
  const smallAnswers = size.answers / 100;
  let answers = await recordAttempts(db, learners, history, smallAnswers, rng);
  log(`recorded ${answers} answers (1%)`);

  const server = await buildAndStart(target.url);
  const base = server.base;
  try {
    const instructorCookie = await sessionCookie(instructor.id);
    const dashboard = () =>
      runLoad({
        url: `${base}/api/teams/${team.id}/progress`,
        connections: 2,
        amount: size.dashboardRequests,
        request: () => ({ headers: { cookie: instructorCookie } }),
      });
    const small: LoadResult[] = [];
    for (let r = 0; r < size.rounds; r++) small.push(await dashboard());
    small.forEach((s) => assertOk("dashboard (1%)", s));

    log("static, healthDynamic, lesson and bare page: interleaved rounds");
    const rounds = {
      static: [] as LoadResult[],
      healthDynamic: [] as LoadResult[],
      lesson: [] as LoadResult[],
      bareLesson: [] as LoadResult[],
    };
    const paths = {
      static: "/robots.txt",
      healthDynamic: "/api/health",
      lesson: LESSON_PATH,
      bareLesson: BARE_PATH,
    };
    for (let r = 0; r < size.rounds; r++) {
      for (const figure of Object.keys(rounds) as Array<keyof typeof rounds>)
        rounds[figure].push(
          await runLoad({
            url: `${base}${paths[figure]}`,
            connections: 50,
            durationMs: size.roundMs,
          }),
        );
    }
    Object.entries(rounds).forEach(([k, v]) => v.forEach((x) => assertOk(k, x)));

    log("submit: many attempts from many users, each submitted once");
    const submits: LoadResult[] = [];
    for (let r = 0; r < size.rounds; r++) {
      const prepared = await prepareSubmits(db, size.submitsPerRound, rng);
      const result = await runLoad({
        url: base,
        method: "POST",
        connections: 50,
        amount: prepared.length,
        request: (i) => ({
          path: `/api/attempts/${prepared[i].attemptId}/submit`,
          headers: { cookie: prepared[i].cookie, "content-type": "application/json" },
          body: prepared[i].body,
        }),
      });
      assertOk("submit", result);
      submits.push(result);
    }

    log(`history: recording answers up to ${size.answers}`);
    answers += await recordAttempts(db, learners, history, size.answers - answers, rng, answers);
    const full: LoadResult[] = [];
    for (let r = 0; r < size.rounds; r++) full.push(await dashboard());
    full.forEach((s) => assertOk("dashboard", s));

    return {
      machine: { cpus: os.cpus().length, node: process.version, database },
      static: summarize(rounds.static),
      healthDynamic: summarize(rounds.healthDynamic),
      lesson: summarize(rounds.lesson),
      bareLesson: summarize(rounds.bareLesson),
      submit: summarize(submits),
      dashboard: {
        learners: size.learners,
        answers: await db.answer.count({
          where: { attempt: { user: { memberships: { some: { teamId: team.id } } } } },
        }),
        p95ms: median(full.map((d) => d.p95ms)),
        p95msSmall: median(small.map((d) => d.p95ms)),
      },
      lessonJsKb: await pageJsKb(base, LESSON_PATH),
      bareJsKb: await pageJsKb(base, BARE_PATH),
    };
  } finally {
    await server.stop();
    await db.$disconnect();
    await target.drop();
  }
}

/** Learners served on a fresh database of `kind`, with `instances` app instances sharing it. */
async function measureLearners(
  kind: DatabaseKind,
  instances: number,
): Promise<{ served: number; ladder: string }> {
  const title = `learners served: ${kind}, ${instances} app instance${instances > 1 ? "s" : ""}`;
  log(title);
  const target = await throwawayDatabase(kind, "learners", work);
  await migrate(target.url);
  const db = createClient(target.url);
  await syncContent(db, loadLibrary().notes);
  const servers: Server[] = [];
  try {
    for (let i = 0; i < instances; i++)
      servers.push(await startServer(appDir, PORT + i, target.url));
    const { served, steps } = await measureLearnersServed({
      db,
      servers,
      ladder: size.learnerLadder,
      windowMs: size.learnerWindowMs,
      setupConcurrency: kind === "postgresql" ? 8 : 1,
      log,
    });
    return {
      served,
      ladder: formatLadder(`${title}, ${size.learnerWindowMs / 1000} s windows`, steps),
    };
  } finally {
    for (const server of servers) await server.stop();
    await db.$disconnect();
    await target.drop();
  }
}

async function main() {
  const started = performance.now();
  fs.mkdirSync(work, { recursive: true });
  log(`${quick ? "quick" : "full"} run on ${database}`);
  log(`copying the app into ${appDir}`);
  copyApp(root, appDir);
  try {
    log("content build: parsing and syncing 3,000 synthetic notes");
    const contentBuild = await measureContentBuild();
    const serverFigures = await measureServerFigures();
    // The full run measures PostgreSQL's learners too, whatever --database says: the two figures
    // answer different questions (one small machine, or a database behind a load balancer).
    const sqlite = await measureLearners("sqlite", 1);
    const postgresql = quick ? null : await measureLearners("postgresql", 2);

    const results: BenchResults = {
      ...serverFigures,
      contentBuild,
      learners: { sqlite: sqlite.served, postgresql: postgresql?.served ?? null },
    };
    writeResults(path.join(root, "bench", "results.json"), results);
    console.log(`\n${formatTable(results)}\n`);
    for (const ladder of [sqlite.ladder, postgresql?.ladder])
      if (ladder) console.log(`${ladder}\n`);
    console.log("wrote bench/results.json");
    log(`done in ${((performance.now() - started) / 60_000).toFixed(1)} min`);
  } finally {
    fs.rmSync(appDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
