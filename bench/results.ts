import fs from "node:fs";
import { z } from "zod";

const rate = z.object({ rps: z.number(), p95ms: z.number() });

/** The shape of bench/results.json: a contract other tools read. */
export const resultsSchema = z.strictObject({
  machine: z.strictObject({
    cpus: z.number().int(),
    node: z.string(),
    database: z.enum(["sqlite", "postgresql"]),
  }),
  static: rate,
  healthDynamic: rate,
  lesson: rate,
  /** A static page with no client components, about the lesson's size, in the same build. */
  bareLesson: rate,
  submit: rate,
  dashboard: z.strictObject({
    learners: z.number().int(),
    answers: z.number().int(),
    p95ms: z.number(),
    p95msSmall: z.number(),
  }),
  contentBuild: z.strictObject({ notes: z.number().int(), seconds: z.number() }),
  lessonJsKb: z.number(),
  bareJsKb: z.number(),
  /** The most learners in session held with p95 < 500 ms and no errors; PostgreSQL in a full run only. */
  learners: z.strictObject({
    sqlite: z.number().int(),
    postgresql: z.number().int().nullable(),
  }),
});

export type BenchResults = z.infer<typeof resultsSchema>;

export const LEARNERS_TARGET = 10_000;

export interface TargetCheck {
  measure: string;
  target: string;
  value: string;
  met: boolean;
}

const ratio = (a: number, b: number) => (b ? a / b : 0);
const times = (value: number) => `${value.toFixed(2)}×`;

/** The targets, each judged on figures measured in the same run. */
export function checkTargets(r: BenchResults): TargetCheck[] {
  const learners = (label: string, served: number): TargetCheck => ({
    measure: `learners served, ${label}`,
    target: `≥ ${LEARNERS_TARGET.toLocaleString("en")}`,
    value: `${served.toLocaleString("en")} (${times(ratio(served, LEARNERS_TARGET))})`,
    met: served >= LEARNERS_TARGET,
  });
  const extraJs = Math.round((r.lessonJsKb - r.bareJsKb) * 10) / 10;
  return [
    learners("SQLite, 1 instance", r.learners.sqlite),
    ...(r.learners.postgresql === null
      ? []
      : [learners("PostgreSQL, 2 instances", r.learners.postgresql)]),
    {
      measure: "lesson req/s vs bare page",
      target: "≥ 0.9×",
      value: times(ratio(r.lesson.rps, r.bareLesson.rps)),
      met: ratio(r.lesson.rps, r.bareLesson.rps) >= 0.9,
    },
    {
      measure: "lesson JS above bare page's (gzip)",
      target: "≤ 15 kB",
      value: `${extraJs} kB`,
      met: extraJs <= 15,
    },
    {
      measure: "submit p95 vs health p95",
      target: "≤ 4×",
      value: times(ratio(r.submit.p95ms, r.healthDynamic.p95ms)),
      met: ratio(r.submit.p95ms, r.healthDynamic.p95ms) <= 4,
    },
    {
      measure: "dashboard p95, 100% vs 1% of answers",
      target: "≤ 1.5×",
      value: times(ratio(r.dashboard.p95ms, r.dashboard.p95msSmall)),
      met: ratio(r.dashboard.p95ms, r.dashboard.p95msSmall) <= 1.5,
    },
    {
      measure: "content build notes/s",
      target: "≥ 360",
      value: `${Math.round(ratio(r.contentBuild.notes, r.contentBuild.seconds))}`,
      met: ratio(r.contentBuild.notes, r.contentBuild.seconds) >= 360,
    },
  ];
}

export function formatTable(r: BenchResults): string {
  const rates = ["static", "healthDynamic", "lesson", "bareLesson", "submit"] as const;
  const lines = [
    `machine: ${r.machine.cpus} cpus, node ${r.machine.node}, ${r.machine.database}`,
    "",
    "figure          req/s    p95 ms",
    ...rates.map(
      (k) => `${k.padEnd(14)} ${String(r[k].rps).padStart(6)} ${String(r[k].p95ms).padStart(9)}`,
    ),
    `dashboard      ${r.dashboard.learners} learners, ${r.dashboard.answers} answers: p95 ${r.dashboard.p95ms} ms (1% of answers: ${r.dashboard.p95msSmall} ms)`,
    `contentBuild   ${r.contentBuild.notes} notes in ${r.contentBuild.seconds} s`,
    `lessonJsKb     ${r.lessonJsKb} (bare page: ${r.bareJsKb})`,
    `learners       SQLite ${r.learners.sqlite}, PostgreSQL ${r.learners.postgresql ?? "not measured (quick run)"}`,
    "",
    "target                                   goal       this run          met",
    ...checkTargets(r).map(
      (c) =>
        `${c.measure.padEnd(40)} ${c.target.padEnd(10)} ${c.value.padEnd(17)} ${c.met ? "yes" : "NO"}`,
    ),
  ];
  return lines.join("\n");
}

export function writeResults(file: string, results: BenchResults): void {
  fs.writeFileSync(file, `${JSON.stringify(resultsSchema.parse(results), null, 2)}\n`);
}
