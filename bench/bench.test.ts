import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLibrary } from "@/lib/content/build-library";
import { parseNote } from "@/lib/content/parse-note";
import { syncContent } from "@/server/quiz/sync-content";
import { getTeamProgress } from "@/server/teams/get-team-progress";
import { createTestDatabase, type TestDatabase } from "../tests/support/test-database";
import { planJourney, plannedSteps, stepTimes } from "./journey";
import { prepareInFlight } from "./learners";
import { percentile } from "./load";
import { createBenchTeam, createLearners, loadCatalog, recordAttempts } from "./population";
import { checkTargets, resultsSchema, writeResults, type BenchResults } from "./results";
import { createRng, syntheticNotes } from "./synthetic-notes";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe("bench seeding", () => {
  it("makes synthetic notes shaped like the real ones, which parse cleanly into items", () => {
    const library = buildLibrary(syntheticNotes(30).map(parseNote));
    expect(library.notes).toHaveLength(30);
    expect(library.problems.filter((p) => p.severity === "error")).toEqual([]);
    for (const note of library.notes) expect(note.items.length).toBeGreaterThanOrEqual(8);
  });

  it("seeds learners, a team and answers through the app's own code", async () => {
    await syncContent(t.db, buildLibrary(syntheticNotes(3).map(parseNote)).notes);
    const learners = await createLearners(t.db, 4, "shape");
    const { team, instructor } = await createBenchTeam(t.db, learners);
    const recorded = await recordAttempts(
      t.db,
      learners,
      await loadCatalog(t.db),
      40,
      createRng(1),
    );
    expect(recorded).toBeGreaterThanOrEqual(40);
    expect(await t.db.answer.count({ where: { choice: { not: null } } })).toBe(recorded);
    const progress = await getTeamProgress(t.db, instructor, team.id);
    expect(progress.learners).toHaveLength(4);
    expect(progress.items.reduce((sum, i) => sum + i.attempts, 0)).toBe(recorded);
  });
});

describe("learners in flight", () => {
  it("are set up through the app's own code at their point in the session", async () => {
    await syncContent(t.db, buildLibrary(syntheticNotes(3, 5).map(parseNote)).notes);
    const { quizzes, owners } = await loadCatalog(t.db);
    const journey = planJourney(quizzes, 20, createRng(4));
    journey.thinks.fill(60_000);
    journey.quizRight = journey.quizRight.map((_, i) => i % 2 === 1);
    journey.reviewItems = journey.quizRight.filter((right) => !right).length;
    const steps = plannedSteps(journey);
    const at = stepTimes(journey);
    // Halfway between the review's second and third answers.
    const review = steps.indexOf("review");
    const [user] = await createLearners(t.db, 1, "inflight");
    const { learner, waitMs } = await prepareInFlight(
      t.db,
      user,
      journey,
      at[review + 2] + 30_000,
      owners,
    );

    expect(learner.step).toBe(review + 3);
    expect(steps[learner.step]).toBe("reviewAnswer");
    expect(waitMs).toBe(30_000);
    expect(learner.cookies.get("next-auth.session-token")).toBeTruthy();
    const attempts = await t.db.attempt.findMany({
      where: { userId: user.id },
      include: { answers: true },
      orderBy: { createdAt: "asc" },
    });
    expect(attempts.map((a) => [a.kind, a.status])).toEqual([
      ["QUIZ", "SUBMITTED"],
      ["REVIEW", "IN_PROGRESS"],
    ]);
    const [quiz, open] = attempts;
    expect(quiz.correct).toBe(journey.quizRight.filter(Boolean).length);
    expect(open.answers).toHaveLength(journey.reviewItems);
    expect(open.answers.filter((a) => a.choice !== null)).toHaveLength(2);
  });

  it("mid-quiz have the quiz started with the cards placed so far saved", async () => {
    const { quizzes, owners } = await loadCatalog(t.db);
    const journey = planJourney(quizzes, 20, createRng(8));
    const at = stepTimes(journey);
    const [user] = await createLearners(t.db, 1, "midquiz");
    // Just after the third card: steps 0 arrive, 1 start, 2-4 the first three cards.
    const { learner } = await prepareInFlight(t.db, user, journey, at[4] + 1, owners);
    expect(learner.step).toBe(5);
    const [attempt] = await t.db.attempt.findMany({
      where: { userId: user.id },
      include: { answers: true },
    });
    expect(attempt.status).toBe("IN_PROGRESS");
    expect(attempt.answers.filter((a) => a.choice !== null)).toHaveLength(3);
  });
});

describe("bench results", () => {
  const sample: BenchResults = {
    machine: { cpus: 2, node: "v20.20.2", database: "sqlite" },
    static: { rps: 1000, p95ms: 60 },
    healthDynamic: { rps: 700, p95ms: 80 },
    lesson: { rps: 900, p95ms: 70 },
    bareLesson: { rps: 1000, p95ms: 60 },
    submit: { rps: 400, p95ms: 200 },
    dashboard: { learners: 1000, answers: 1_000_000, p95ms: 90, p95msSmall: 80 },
    contentBuild: { notes: 3000, seconds: 4 },
    lessonJsKb: 147,
    bareJsKb: 132,
    learners: { sqlite: 10_000, postgresql: null },
  };

  it("writes exactly the contract's shape and refuses anything else", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-")), "results.json");
    writeResults(file, sample);
    expect(resultsSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")))).toEqual(sample);
    expect(() => writeResults(file, { ...sample, extra: 1 } as BenchResults)).toThrow();
    expect(() =>
      writeResults(file, { ...sample, lessonJsKb: "small" } as unknown as BenchResults),
    ).toThrow();
  });

  it("judges each target on figures from the same run", () => {
    const met = (r: BenchResults) =>
      Object.fromEntries(checkTargets(r).map((c) => [c.measure, c.met]));
    expect(met(sample)).toEqual({
      "learners served, SQLite, 1 instance": true,
      "lesson req/s vs bare page": true,
      "lesson JS above bare page's (gzip)": true,
      "submit p95 vs health p95": true,
      "dashboard p95, 100% vs 1% of answers": true,
      "content build notes/s": true,
    });
    expect(
      met({
        ...sample,
        lesson: { rps: 899, p95ms: 70 },
        lessonJsKb: 147.1,
        learners: { sqlite: 9_999, postgresql: 20_000 },
      }),
    ).toMatchObject({
      "learners served, SQLite, 1 instance": false,
      "learners served, PostgreSQL, 2 instances": true,
      "lesson req/s vs bare page": false,
      "lesson JS above bare page's (gzip)": false,
    });
  });

  it("takes percentiles the nearest-rank way", () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
  });
});
