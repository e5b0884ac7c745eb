import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLibrary } from "@/lib/content/build-library";
import { parseNote } from "@/lib/content/parse-note";
import { syncContent } from "@/server/quiz/sync-content";
import { getTeamProgress } from "@/server/teams/get-team-progress";
import { createTestDatabase, type TestDatabase } from "../tests/support/test-database";
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

describe("bench results", () => {
  const sample: BenchResults = {
    machine: { cpus: 2, node: "v20.20.2", database: "sqlite" },
    static: { rps: 1000, p95ms: 60 },
    healthDynamic: { rps: 700, p95ms: 80 },
    lesson: { rps: 900, p95ms: 70 },
    submit: { rps: 400, p95ms: 200 },
    dashboard: { learners: 1000, answers: 1_000_000, p95ms: 90, p95msSmall: 80 },
    contentBuild: { notes: 3000, seconds: 4 },
    lessonJsKb: 110,
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

  it("judges each target as a ratio within the run", () => {
    const checks = Object.fromEntries(checkTargets(sample).map((c) => [c.measure, c.met]));
    expect(checks).toMatchObject({
      "lesson req/s vs static": true,
      "submit req/s vs health": true,
      "submit p95 vs health p95": true,
      "submit req/s on SQLite": false,
    });
  });

  it("takes percentiles the nearest-rank way", () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
  });
});
