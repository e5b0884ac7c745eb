// "Learners served": the most learners in session at once that the app holds with p95 < 500 ms and
// no errors (README, "Performance").
//
// The model is open: learners arrive on their own schedule (a Poisson process), whatever the server's
// speed, and each follows bench/journey.ts's session, one step per think time of 30–90 s. A session
// lasts tens of minutes, so a step of the ladder cannot wait for steady state to build up from empty.
// Each step starts in it instead:
// - N learners are put in flight first, each at a uniformly random moment of a session drawn
//   length-biased (bench/journey.ts, sampleInFlight). What they have done so far is done through the
//   app's own server code: the account, a session cookie minted as next-auth mints it, the quiz
//   started and part-answered, or submitted, and the review started and part-answered.
// - Then a window runs: new learners arrive at N / mean session length (Little's law keeps N in
//   flight) and go through the whole session over HTTP, the real credentials sign-in included; those
//   in flight carry on with theirs.
// - The next step adds more learners in flight, at random moments again, to the ones still going:
//   a steady-state population plus an independent one is a steady-state population of the sum.
// Time is virtual: it stops between windows while the next step is set up, so that a learner's next
// step is one think time after the previous one in session time, however long the set-up took.
// Latency counts from the moment a step was due, so a late generator or a full connection pool shows
// up as latency rather than hiding it.
import http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Owner } from "@/lib/content/types";
import type { Db } from "@/server/db/client";
import { getAttempt } from "@/server/quiz/get-attempt";
import { saveAnswers } from "@/server/quiz/save-answers";
import { startQuizAttempt } from "@/server/quiz/start-attempt";
import { REVIEW_BATCH, startReview } from "@/server/quiz/start-review";
import { submitAttempt } from "@/server/quiz/submit-attempt";
import {
  choiceFor,
  journeySteps,
  longestSessionMs,
  meanSessionMs,
  planJourney,
  plannedSteps,
  poissonArrivals,
  sampleInFlight,
  stepTimes,
  type Journey,
  type StepKind,
} from "./journey";
import { percentile } from "./load";
import { BENCH_PASSWORD, createLearners, loadCatalog } from "./population";
import { processCpuMs, sessionCookie, type Server } from "./servers";
import { createRng } from "./synthetic-notes";

export const P95_LIMIT_MS = 500;

export interface LearnersOptions {
  /** The app's database, for setting up learners in flight through the app's own code. */
  db: Db;
  /** The app instances; requests go round-robin between them, as a load balancer's would. */
  servers: Server[];
  /** Concurrent learners per step, rising; the ladder stops at the first step not held. */
  ladder: number[];
  windowMs: number;
  /** Set-up calls run at once: PostgreSQL's pool serves several, SQLite's one handle does not. */
  setupConcurrency: number;
  log: (message: string) => void;
}

export interface StepReport {
  learners: number;
  /** Learners still in session when the window closed: about `learners` in steady state. */
  inSession: number;
  arrivals: number;
  requests: number;
  rps: number;
  p50ms: number;
  p95ms: number;
  errors: number;
  /** The slowest kinds of request by p95, for the log. */
  slowest: string;
  errorSample: string[];
  /** The app instances' CPU, in % of one core (null without /proc), and per request. */
  serverCpuPct: number | null;
  serverCpuMsPerRequest: number | null;
  /** The load generator's own CPU, in % of one core, and its event-loop delay. */
  generatorCpuPct: number;
  generatorLagP99ms: number;
  held: boolean;
}

type RequestKind =
  | "csrf"
  | "signIn"
  | "lesson"
  | "session"
  | "myProgress"
  | "startQuiz"
  | "autosave"
  | "submit"
  | "progressPage"
  | "startReview"
  | "readReview";

class WindowStats {
  readonly latencies: number[] = [];
  readonly byKind = new Map<RequestKind, number[]>();
  readonly errors: string[] = [];

  record(kind: RequestKind, ms: number) {
    this.latencies.push(ms);
    const list = this.byKind.get(kind) ?? [];
    list.push(ms);
    this.byKind.set(kind, list);
  }
}

interface Reply {
  status: number;
  body: string;
  setCookies: string[];
}

class RequestFailed extends Error {}

/**
 * A bounded keep-alive pool per instance, as a load balancer keeps to its backends. The agent's
 * timeout is what lets Node honour the server's Keep-Alive hint (idle sockets closed after 5 s):
 * without one it keeps idle sockets for ever and may reuse one the server is closing (ECONNRESET).
 */
class AppClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: 30_000 });
  private turn = 0;
  outstanding = 0;

  constructor(private readonly bases: URL[]) {}

  send(
    method: "GET" | "POST" | "PUT",
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<Reply> {
    const base = this.bases[this.turn++ % this.bases.length];
    this.outstanding++;
    return new Promise<Reply>((resolve, reject) => {
      const request = http.request(
        { agent: this.agent, hostname: base.hostname, port: base.port, method, path, headers },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            clearTimeout(timer);
            resolve({
              status: response.statusCode ?? 0,
              body: Buffer.concat(chunks).toString("utf8"),
              setCookies: response.headers["set-cookie"] ?? [],
            });
          });
          response.on("error", reject);
        },
      );
      const timer = setTimeout(() => request.destroy(new Error("no answer in 30 s")), 30_000);
      request.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      request.end(body);
    }).finally(() => this.outstanding--);
  }

  async drained(limitMs: number): Promise<void> {
    const until = performance.now() + limitMs;
    while (this.outstanding > 0 && performance.now() < until)
      await new Promise((r) => setTimeout(r, 50));
  }

  close() {
    this.agent.destroy();
  }
}

interface Job {
  at: number;
  run: (dueReal: number) => void;
}

/** A binary min-heap of jobs by virtual time. */
class JobQueue {
  private readonly heap: Job[] = [];

  peek(): Job | undefined {
    return this.heap[0];
  }

  push(job: Job) {
    const heap = this.heap;
    heap.push(job);
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (heap[parent].at <= heap[i].at) break;
      [heap[parent], heap[i]] = [heap[i], heap[parent]];
      i = parent;
    }
  }

  pop(): Job | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let least = i;
        if (l < heap.length && heap[l].at < heap[least].at) least = l;
        if (r < heap.length && heap[r].at < heap[least].at) least = r;
        if (least === i) break;
        [heap[least], heap[i]] = [heap[i], heap[least]];
        i = least;
      }
    }
    return top;
  }
}

/** Session time: runs with the wall clock during a window and stands still between windows. */
class VirtualClock {
  private readonly queue = new JobQueue();
  private virtualBase = 0;
  private realBase = 0;
  private stopAt = 0;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private finished: (() => void) | undefined;

  now(): number {
    return this.running ? this.virtualBase + performance.now() - this.realBase : this.virtualBase;
  }

  schedule(at: number, run: Job["run"]) {
    this.queue.push({ at, run });
    if (this.running && at <= (this.queue.peek()?.at ?? Infinity)) this.arm();
  }

  /** Runs the jobs due in the next `ms` of session time, then stops the clock. */
  run(ms: number): Promise<void> {
    this.realBase = performance.now();
    this.stopAt = this.virtualBase + ms;
    this.running = true;
    return new Promise((resolve) => {
      this.finished = resolve;
      this.arm();
    });
  }

  private arm() {
    clearTimeout(this.timer);
    const next = Math.min(this.queue.peek()?.at ?? Infinity, this.stopAt);
    this.timer = setTimeout(() => this.tick(), Math.max(0, next - this.now()));
  }

  private tick() {
    const now = Math.min(this.now(), this.stopAt);
    for (let job = this.queue.peek(); job && job.at <= now; job = this.queue.peek()) {
      this.queue.pop();
      job.run(this.realBase + Math.max(0, job.at - this.virtualBase));
    }
    if (now < this.stopAt) return this.arm();
    this.virtualBase = this.stopAt;
    this.running = false;
    this.finished?.();
  }
}

interface QuizCard {
  id: string;
  owner: Owner;
}

/**
 * Each learner's own client address, as a load balancer in front of the app would report it (the
 * bench's servers trust one proxy hop): the app throttles and rate-limits per address, and real
 * learners do not all share one. FNV-1a of the email, into 10.0.0.0/8.
 */
function clientAddressOf(email: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < email.length; i++) hash = Math.imul(hash ^ email.charCodeAt(i), 0x01000193);
  hash >>>= 0;
  return `10.${(hash >>> 16) & 255}.${(hash >>> 8) & 255}.${hash & 255}`;
}

interface Learner {
  email: string;
  journey: Journey;
  steps: StepKind[];
  /** The next step to run. */
  step: number;
  cookies: Map<string, string>;
  quiz?: { attemptId: string; cards: QuizCard[] };
  review?: { attemptId: string; cards: QuizCard[] };
}

class Scenario {
  readonly clock = new VirtualClock();
  readonly client: AppClient;
  stats = new WindowStats();
  inSession = 0;

  constructor(
    bases: string[],
    private readonly owners: Map<string, Owner>,
  ) {
    this.client = new AppClient(bases.map((b) => new URL(b)));
  }

  /** Puts a learner's next step on the clock, at session time `at`. */
  plan(learner: Learner, at: number) {
    this.clock.schedule(at, (due) => void this.runStep(learner, due));
  }

  private async runStep(learner: Learner, due: number) {
    const stats = this.stats;
    const kind = learner.steps[learner.step];
    let since = due;
    const call = async (
      what: RequestKind,
      method: "GET" | "POST" | "PUT",
      path: string,
      body?: unknown,
      extraHeaders: Record<string, string> = {},
    ): Promise<Reply> => {
      const headers: Record<string, string> = {
        ...extraHeaders,
        "x-forwarded-for": clientAddressOf(learner.email),
      };
      if (learner.cookies.size > 0)
        headers.cookie = [...learner.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
      const payload =
        body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
      if (payload !== undefined) {
        headers["content-type"] ??= "application/json";
        headers["content-length"] = String(Buffer.byteLength(payload));
      }
      let reply: Reply;
      try {
        reply = await this.client.send(method, path, headers, payload);
      } catch (error) {
        throw new RequestFailed(`${what}: ${error instanceof Error ? error.message : error}`);
      }
      stats.record(what, performance.now() - since);
      since = performance.now();
      for (const cookie of reply.setCookies) {
        const end = cookie.indexOf(";");
        const pair = end < 0 ? cookie : cookie.slice(0, end);
        const eq = pair.indexOf("=");
        learner.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
      }
      if (reply.status < 200 || reply.status > 299)
        throw new RequestFailed(`${what}: HTTP ${reply.status} ${reply.body.slice(0, 120)}`);
      return reply;
    };
    const answer = (attemptId: string, card: QuizCard, right: boolean, position: number) =>
      call("autosave", "PUT", `/api/attempts/${attemptId}/answers`, {
        answers: [
          {
            itemId: card.id,
            choice: choiceFor(card.owner, right, position),
            ms: Math.round(learner.journey.thinks[learner.step - 1]),
          },
        ],
      });
    const submit = (attemptId: string, cards: QuizCard[], rights: boolean[]) =>
      call("submit", "POST", `/api/attempts/${attemptId}/submit`, {
        answers: cards.map((card, i) => ({
          itemId: card.id,
          choice: choiceFor(card.owner, rights[i], i),
        })),
      });

    try {
      switch (kind) {
        case "arrive": {
          const { csrfToken } = JSON.parse((await call("csrf", "GET", "/api/auth/csrf")).body) as {
            csrfToken: string;
          };
          const form = new URLSearchParams({
            csrfToken,
            email: learner.email,
            password: BENCH_PASSWORD,
            json: "true",
          });
          await call("signIn", "POST", "/api/auth/callback/credentials", form.toString(), {
            "content-type": "application/x-www-form-urlencoded",
          });
          if (!learner.cookies.has("next-auth.session-token"))
            throw new RequestFailed("signIn: no session cookie");
          await call("lesson", "GET", `/lessons/${learner.journey.slug}`);
          // What the lesson page itself asks for once loaded: the header's session, the panel's progress.
          await this.assertSignedIn(call);
          await call("myProgress", "GET", "/api/me/progress");
          break;
        }
        case "start": {
          const started = JSON.parse(
            (await call("startQuiz", "POST", `/api/quizzes/${learner.journey.slug}/attempts`)).body,
          ) as { attemptId: string; items: Array<{ id: string }> };
          learner.quiz = { attemptId: started.attemptId, cards: this.cards(started.items) };
          break;
        }
        case "answer": {
          const quiz = learner.quiz!;
          const position = learner.step - 2;
          await answer(
            quiz.attemptId,
            quiz.cards[position],
            learner.journey.quizRight[position],
            position,
          );
          break;
        }
        case "submit":
          await submit(learner.quiz!.attemptId, learner.quiz!.cards, learner.journey.quizRight);
          break;
        case "progress":
          await call("progressPage", "GET", "/progress");
          await this.assertSignedIn(call);
          break;
        case "review": {
          const { attemptId } = JSON.parse(
            (await call("startReview", "POST", "/api/review")).body,
          ) as {
            attemptId: string | null;
          };
          if (!attemptId) {
            learner.steps = learner.steps.slice(0, learner.step + 1);
            break;
          }
          // The review page shows the attempt's cards; the JSON API gives the same.
          const attempt = JSON.parse(
            (await call("readReview", "GET", `/api/attempts/${attemptId}`)).body,
          ) as { items: Array<{ id: string }> };
          learner.review = { attemptId, cards: this.cards(attempt.items) };
          learner.steps = journeySteps(learner.quiz!.cards.length, attempt.items.length);
          break;
        }
        case "reviewAnswer": {
          const review = learner.review!;
          const position = learner.step - learner.steps.indexOf("reviewAnswer");
          await answer(
            review.attemptId,
            review.cards[position],
            learner.journey.reviewRight[position],
            position,
          );
          break;
        }
        case "reviewSubmit":
          await submit(
            learner.review!.attemptId,
            learner.review!.cards,
            learner.journey.reviewRight,
          );
          break;
      }
    } catch (error) {
      stats.errors.push(error instanceof Error ? error.message : String(error));
      this.inSession--;
      return;
    }
    learner.step++;
    if (learner.step < learner.steps.length)
      this.plan(learner, this.clock.now() + learner.journey.thinks[learner.step - 1]);
    else this.inSession--;
  }

  private async assertSignedIn(call: (what: RequestKind, m: "GET", p: string) => Promise<Reply>) {
    const session = JSON.parse((await call("session", "GET", "/api/auth/session")).body) as {
      user?: unknown;
    };
    if (!session.user) throw new RequestFailed("session: signed out");
  }

  cards(items: Array<{ id: string }>): QuizCard[] {
    return items.map((item) => ({ id: item.id, owner: this.owners.get(item.id) ?? "SHARED" }));
  }
}

/**
 * Puts a learner `elapsedMs` into their session: everything the session did before that moment is
 * done through the app's own code, dated when it would have happened. Returns the learner, with the
 * session time left before their next step.
 */
export async function prepareInFlight(
  db: Db,
  user: { id: string; email: string },
  journey: Journey,
  elapsedMs: number,
  owners: Map<string, Owner>,
): Promise<{ learner: Learner; waitMs: number }> {
  const steps = plannedSteps(journey);
  const at = stepTimes(journey, steps);
  const next = at.findIndex((t) => t > elapsedMs);
  const now = Date.now();
  const dateOf = (step: number) => new Date(now - (elapsedMs - at[step]));
  const done = (kind: StepKind) => {
    const index = steps.indexOf(kind);
    return index >= 0 && index < next;
  };
  const cookie = (await sessionCookie(user.id)).split("=");
  const learner: Learner = {
    email: user.email,
    journey,
    steps,
    step: next,
    cookies: new Map([[cookie[0], cookie.slice(1).join("=")]]),
  };
  const toCards = (items: Array<{ id: string }>) =>
    items.map((item) => ({ id: item.id, owner: owners.get(item.id) ?? ("SHARED" as const) }));
  const choices = (cards: QuizCard[], rights: boolean[], count: number, firstStep: number) =>
    cards.slice(0, count).map((card, i) => ({
      itemId: card.id,
      choice: choiceFor(card.owner, rights[i], i),
      ms: Math.round(journey.thinks[firstStep + i - 1]),
    }));

  if (done("start")) {
    const started = await startQuizAttempt(db, user.id, journey.slug);
    learner.quiz = { attemptId: started.attemptId, cards: toCards(started.items) };
    const firstAnswer = steps.indexOf("answer");
    const answered = Math.max(0, Math.min(next, steps.indexOf("submit")) - firstAnswer);
    const answers = choices(learner.quiz.cards, journey.quizRight, answered, firstAnswer);
    if (done("submit"))
      await submitAttempt(
        db,
        user.id,
        learner.quiz.attemptId,
        choices(learner.quiz.cards, journey.quizRight, learner.quiz.cards.length, firstAnswer),
        dateOf(steps.indexOf("submit")),
      );
    else if (answered > 0)
      await saveAnswers(
        db,
        user.id,
        learner.quiz.attemptId,
        answers,
        dateOf(firstAnswer + answered - 1),
      );
  }
  if (done("review")) {
    const reviewStep = steps.indexOf("review");
    const review = await startReview(db, user.id, dateOf(reviewStep));
    if (review) {
      const attempt = await getAttempt(db, user.id, review.attemptId);
      learner.review = { attemptId: review.attemptId, cards: toCards(attempt.items) };
      learner.steps = journeySteps(learner.quiz!.cards.length, attempt.items.length);
      const firstAnswer = reviewStep + 1;
      const answered = Math.min(next - firstAnswer, attempt.items.length);
      if (answered > 0)
        await saveAnswers(
          db,
          user.id,
          review.attemptId,
          choices(learner.review.cards, journey.reviewRight, answered, firstAnswer),
          dateOf(firstAnswer + answered - 1),
        );
    }
  }
  // The review the app started has the planned size: only the wrong answers are due so soon after
  // the submit. Should that ever change, the learner still ends on a step that exists.
  learner.step = Math.min(next, learner.steps.length - 1);
  return { learner, waitMs: at[next] - elapsedMs };
}

/**
 * A few whole sessions without think time, so that every route has run on every instance: `next
 * start` loads a route's code on its first request, which a server in service has long done.
 */
async function warmUp(scenario: Scenario, db: Db, plan: () => Journey, sessions: number) {
  const users = await createLearners(db, sessions, "warmup");
  for (const user of users) {
    const journey = plan();
    journey.thinks.fill(0);
    journey.quizRight[0] = false;
    journey.reviewItems = Math.max(1, journey.reviewItems);
    scenario.inSession++;
    scenario.plan(
      { email: user.email, journey, steps: plannedSteps(journey), step: 0, cookies: new Map() },
      scenario.clock.now(),
    );
  }
  for (let i = 0; i < 120 && scenario.inSession > 0; i++) {
    await scenario.clock.run(500);
    await scenario.client.drained(30_000);
  }
  if (scenario.inSession > 0) throw new Error("warm-up: sessions did not finish in a minute");
  if (scenario.stats.errors.length > 0)
    throw new Error(`warm-up failed: ${scenario.stats.errors.slice(0, 3).join(" | ")}`);
  scenario.stats = new WindowStats();
}

async function forEachAtOnce<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let index = 0;
  const worker = async () => {
    while (index < items.length) await work(items[index++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Climbs the ladder; returns the most learners held (0 if none) and every step's report. */
export async function measureLearnersServed(
  options: LearnersOptions,
): Promise<{ served: number; steps: StepReport[] }> {
  const { db, log } = options;
  const { quizzes, owners } = await loadCatalog(db);
  const rng = createRng(2026);
  const plan = () => planJourney(quizzes, REVIEW_BATCH, rng);
  const meanMs = meanSessionMs(plan);
  const longestMs = longestSessionMs(quizzes, REVIEW_BATCH);
  log(
    `learners: ${quizzes.length} quizzes, mean session ${(meanMs / 60_000).toFixed(1)} min; ` +
      `window ${options.windowMs / 1000} s per step`,
  );

  const scenario = new Scenario(
    options.servers.map((s) => s.base),
    owners,
  );
  await warmUp(scenario, db, plan, options.servers.length * 3);
  const serverCpuMs = () => {
    const each = options.servers.map((s) => processCpuMs(s.pid));
    return each.every((ms) => ms !== null) ? each.reduce((a, b) => a! + b!, 0) : null;
  };
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const steps: StepReport[] = [];
  let served = 0;
  let population = 0;
  try {
    for (const target of options.ladder) {
      const started = performance.now();
      const added = await createLearners(db, target - population, `live${target}`);
      await forEachAtOnce(added, options.setupConcurrency, async (user) => {
        const { journey, elapsedMs } = sampleInFlight(plan, longestMs, rng);
        const { learner, waitMs } = await prepareInFlight(db, user, journey, elapsedMs, owners);
        scenario.inSession++;
        scenario.plan(learner, scenario.clock.now() + waitMs);
      });
      population = target;
      const arrivalTimes = poissonArrivals(target / meanMs, options.windowMs, rng);
      const arriving = await createLearners(db, arrivalTimes.length, `new${target}`);
      arriving.forEach((user, i) => {
        const journey = plan();
        scenario.inSession++;
        scenario.plan(
          {
            email: user.email,
            journey,
            steps: plannedSteps(journey),
            step: 0,
            cookies: new Map(),
          },
          scenario.clock.now() + arrivalTimes[i],
        );
      });
      log(
        `learners ${target}: set up ${added.length} in flight and ${arriving.length} arrivals in ` +
          `${((performance.now() - started) / 1000).toFixed(0)} s; window running`,
      );

      scenario.stats = new WindowStats();
      delay.reset();
      delay.enable();
      const cpu = process.cpuUsage();
      const serverCpuBefore = serverCpuMs();
      const windowStart = performance.now();
      await scenario.clock.run(options.windowMs);
      const elapsed = performance.now() - windowStart;
      const used = process.cpuUsage(cpu);
      const serverCpuAfter = serverCpuMs();
      const serverCpu =
        serverCpuBefore === null || serverCpuAfter === null
          ? null
          : serverCpuAfter - serverCpuBefore;
      delay.disable();
      await scenario.client.drained(60_000);
      const stats = scenario.stats;
      if (scenario.client.outstanding > 0)
        stats.errors.push(`${scenario.client.outstanding} requests unanswered after the window`);

      const sorted = [...stats.latencies].sort((a, b) => a - b);
      const p95ms = round(percentile(sorted, 95));
      const report: StepReport = {
        learners: target,
        inSession: scenario.inSession,
        arrivals: arriving.length,
        requests: sorted.length,
        rps: Math.round(sorted.length / (elapsed / 1000)),
        p50ms: round(percentile(sorted, 50)),
        p95ms,
        errors: stats.errors.length,
        slowest: [...stats.byKind]
          .map(([kind, list]) => ({
            kind,
            p95: percentile(
              list.sort((a, b) => a - b),
              95,
            ),
          }))
          .sort((a, b) => b.p95 - a.p95)
          .slice(0, 3)
          .map(({ kind, p95 }) => `${kind} ${round(p95)} ms`)
          .join(", "),
        errorSample: [...new Set(stats.errors)].slice(0, 3),
        serverCpuPct: serverCpu === null ? null : round((serverCpu / elapsed) * 100),
        serverCpuMsPerRequest: serverCpu === null ? null : round(serverCpu / sorted.length),
        generatorCpuPct: round(((used.user + used.system) / 1000 / elapsed) * 100),
        generatorLagP99ms: round(delay.percentile(99) / 1e6),
        held: p95ms < P95_LIMIT_MS && stats.errors.length === 0,
      };
      steps.push(report);
      log(
        `learners ${target}: ${report.held ? "held" : "NOT held"}: ${report.inSession} in session, ` +
          `${report.requests} requests (${report.rps}/s), p50 ${report.p50ms} ms, p95 ${p95ms} ms, ` +
          `${report.errors} errors; slowest ${report.slowest}; app ${report.serverCpuPct}% of a core ` +
          `(${report.serverCpuMsPerRequest} ms a request), generator ${report.generatorCpuPct}%, ` +
          `lag p99 ${report.generatorLagP99ms} ms` +
          (report.errorSample.length ? `; e.g. ${report.errorSample.join(" | ")}` : ""),
      );
      if (!report.held) break;
      served = target;
    }
  } finally {
    scenario.client.close();
  }
  return { served, steps };
}

/** One line per step of the ladder, for the report under the results table. */
export function formatLadder(title: string, steps: StepReport[]): string {
  return [
    title,
    ...steps.map(
      (s) =>
        `  ${s.learners.toLocaleString("en").padStart(7)}  ${(s.held ? "held" : "NOT held").padEnd(8)}` +
        `  p95 ${String(s.p95ms).padStart(6)} ms  ${String(s.rps).padStart(5)} req/s  ${s.errors} errors` +
        `  app ${s.serverCpuPct ?? "?"}% of a core  generator ${s.generatorCpuPct}%`,
    ),
  ].join("\n");
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
