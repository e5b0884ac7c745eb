// npm run bench [-- --quick] [-- --database postgresql]
// Builds and starts the production server on a throwaway database, seeds a synthetic population
// through the app's own code, measures every figure side by side in one run, and writes
// bench/results.json plus a table. See README, "Performance".
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { buildLibrary } from "@/lib/content/build-library";
import { parseNote } from "@/lib/content/parse-note";
import { loadLibrary } from "@/server/content/load-library";
import { createClient, type Db } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { startQuizAttempt } from "@/server/quiz/start-attempt";
import { syncContent } from "@/server/quiz/sync-content";
import { median, runLoad, type LoadResult } from "./load";
import {
  answerLike,
  createBenchTeam,
  createLearners,
  loadCatalog,
  recordAttempts,
} from "./population";
import { formatTable, writeResults, type BenchResults } from "./results";
import { createRng, syntheticNotes } from "./synthetic-notes";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const database = args[args.indexOf("--database") + 1] === "postgresql" ? "postgresql" : "sqlite";
const root = path.resolve(import.meta.dirname, "..");
const work = path.join(root, "bench", ".work");
const PORT = 3400;
const BASE = `http://127.0.0.1:${PORT}`;
const SECRET = "bench-secret-not-for-production";
const SEED_SLUG = "aws-shared-responsibility-model";

const size = quick
  ? {
      learners: 1000,
      answers: 100_000,
      roundMs: 4_000,
      submitsPerRound: 1_500,
      dashboardRequests: 40,
      rounds: 3,
    }
  : {
      learners: 1000,
      answers: 1_000_000,
      roundMs: 8_000,
      submitsPerRound: 4_000,
      dashboardRequests: 80,
      rounds: 3,
    };

const log = (message: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function throwawayDatabase(
  name: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (database === "sqlite") {
    const file = path.join(work, `${name}.db`);
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    return { url: `file:${file}`, drop: async () => undefined };
  }
  const admin = process.env.BENCH_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const db = `bench_${name}_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${db}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${db}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
      await c.end();
    },
  };
}

async function startServer(url: string): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT)],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: url,
        NEXTAUTH_SECRET: SECRET,
        NEXTAUTH_URL: BASE,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${BASE}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error("the server did not start");
}

async function sessionCookie(userId: string): Promise<string> {
  // The token next-auth itself issues at sign-in: the user id and session version, signed with the secret.
  const token = await encode({
    token: { uid: userId, sv: 0, sub: userId, authTime: Math.floor(Date.now() / 1000) },
    secret: SECRET,
  });
  return `next-auth.session-token=${token}`;
}

async function measureContentBuild(): Promise<BenchResults["contentBuild"]> {
  const notes = syntheticNotes(3000);
  const dir = path.join(work, "notes-3000");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, "notes"), { recursive: true });
  for (const note of notes) fs.writeFileSync(path.join(dir, note.file), note.source);
  const target = await throwawayDatabase("content");
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

async function lessonJsKb(): Promise<number> {
  const html = await (await fetch(`${BASE}/lessons/${SEED_SLUG}`)).text();
  // Modern browsers skip noModule scripts (Next's legacy polyfills), so they are not counted.
  const scripts = [...html.matchAll(/<script([^>]*)>/g)]
    .filter((m) => !/nomodule/i.test(m[1]))
    .flatMap((m) => /src="([^"]+)"/.exec(m[1])?.[1] ?? []);
  let bytes = 0;
  for (const src of new Set(scripts))
    bytes += zlib.gzipSync(
      Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer()),
    ).length;
  return Math.round(bytes / 102.4) / 10;
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

async function main() {
  fs.mkdirSync(work, { recursive: true });
  log(`${quick ? "quick" : "full"} run on ${database}`);
  if (!process.env.BENCH_SKIP_BUILD) {
    log("building");
    execFileSync("npm", ["run", "--silent", "build"], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
  }

  log("content build: parsing and syncing 3,000 synthetic notes");
  const contentBuild = await measureContentBuild();

  const target = await throwawayDatabase("app");
  await migrate(target.url);
  const db = createClient(target.url);
  const rng = createRng(11);
  await syncContent(db, loadLibrary().notes);
  // Synthetic notes' items too, as a population would have, without making their lessons pages.
  await syncContent(db, [
    ...loadLibrary().notes,
    ...buildLibrary(syntheticNotes(10, 99).map(parseNote)).notes,
  ]);

  log(`population: ${size.learners} learners in one team`);
  const learners = await createLearners(db, size.learners, "team");
  const { team, instructor } = await createBenchTeam(db, learners);
  const catalog = await loadCatalog(db);
  const history = { slugs: [SEED_SLUG], owners: catalog.owners };
  const smallAnswers = size.answers / 100;
  let answers = await recordAttempts(db, learners, history, smallAnswers, rng);
  log(`recorded ${answers} answers (1%)`);

  const server = await startServer(target.url);
  try {
    const instructorCookie = await sessionCookie(instructor.id);
    const dashboard = () =>
      runLoad({
        url: `${BASE}/api/teams/${team.id}/progress`,
        connections: 2,
        amount: size.dashboardRequests,
        request: () => ({ headers: { cookie: instructorCookie } }),
      });
    const small: LoadResult[] = [];
    for (let r = 0; r < size.rounds; r++) small.push(await dashboard());
    small.forEach((s) => assertOk("dashboard (1%)", s));

    log("static, healthDynamic and lesson: interleaved rounds");
    // lessonFile is a diagnostic, not a contract figure: the lesson's HTML fetched at its file path,
    // without the rewrite. Set beside static, it shows what the page's size alone costs.
    const rounds = {
      static: [] as LoadResult[],
      healthDynamic: [] as LoadResult[],
      lesson: [] as LoadResult[],
      lessonFile: [] as LoadResult[],
    };
    for (let r = 0; r < size.rounds; r++) {
      rounds.static.push(
        await runLoad({ url: `${BASE}/robots.txt`, connections: 50, durationMs: size.roundMs }),
      );
      rounds.healthDynamic.push(
        await runLoad({ url: `${BASE}/api/health`, connections: 50, durationMs: size.roundMs }),
      );
      rounds.lesson.push(
        await runLoad({
          url: `${BASE}/lessons/${SEED_SLUG}`,
          connections: 50,
          durationMs: size.roundMs,
        }),
      );
      rounds.lessonFile.push(
        await runLoad({
          url: `${BASE}/_prerendered/lessons/${SEED_SLUG}.html`,
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
        url: BASE,
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

    const results: BenchResults = {
      machine: { cpus: os.cpus().length, node: process.version, database },
      static: summarize(rounds.static),
      healthDynamic: summarize(rounds.healthDynamic),
      lesson: summarize(rounds.lesson),
      submit: summarize(submits),
      dashboard: {
        learners: size.learners,
        answers: await db.answer.count({
          where: { attempt: { user: { memberships: { some: { teamId: team.id } } } } },
        }),
        p95ms: median(full.map((d) => d.p95ms)),
        p95msSmall: median(small.map((d) => d.p95ms)),
      },
      contentBuild,
      lessonJsKb: await lessonJsKb(),
    };
    writeResults(path.join(root, "bench", "results.json"), results);
    const lessonFile = summarize(rounds.lessonFile);
    console.log(`\n${formatTable(results)}\n\nwrote bench/results.json`);
    console.log(
      `diagnostic: the lesson's HTML as a plain file, ${lessonFile.rps} req/s (${(lessonFile.rps / results.static.rps).toFixed(2)}× static)`,
    );
  } finally {
    server.kill();
    await db.$disconnect();
    await target.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
