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
  submit: rate,
  dashboard: z.strictObject({
    learners: z.number().int(),
    answers: z.number().int(),
    p95ms: z.number(),
    p95msSmall: z.number(),
  }),
  contentBuild: z.strictObject({ notes: z.number().int(), seconds: z.number() }),
  lessonJsKb: z.number(),
});

export type BenchResults = z.infer<typeof resultsSchema>;

export interface TargetCheck {
  measure: string;
  target: string;
  value: string;
  met: boolean;
}

/** The targets, each a ratio of figures measured in the same run. */
export function checkTargets(r: BenchResults): TargetCheck[] {
  const ratio = (a: number, b: number) => (b ? a / b : 0);
  const checks: TargetCheck[] = [
    {
      measure: "lesson req/s vs static",
      target: "≥ 0.8×",
      value: `${ratio(r.lesson.rps, r.static.rps).toFixed(2)}×`,
      met: ratio(r.lesson.rps, r.static.rps) >= 0.8,
    },
    {
      measure: "submit req/s vs health",
      target: "≥ 0.5×",
      value: `${ratio(r.submit.rps, r.healthDynamic.rps).toFixed(2)}×`,
      met: ratio(r.submit.rps, r.healthDynamic.rps) >= 0.5,
    },
    {
      measure: "submit p95 vs health p95",
      target: "≤ 4×",
      value: `${ratio(r.submit.p95ms, r.healthDynamic.p95ms).toFixed(2)}×`,
      met: ratio(r.submit.p95ms, r.healthDynamic.p95ms) <= 4,
    },
    {
      measure: "dashboard p95, 100% vs 1% of answers",
      target: "≤ 1.5×",
      value: `${ratio(r.dashboard.p95ms, r.dashboard.p95msSmall).toFixed(2)}×`,
      met: ratio(r.dashboard.p95ms, r.dashboard.p95msSmall) <= 1.5,
    },
    {
      measure: "content build notes/s",
      target: "≥ 360",
      value: `${Math.round(ratio(r.contentBuild.notes, r.contentBuild.seconds))}`,
      met: ratio(r.contentBuild.notes, r.contentBuild.seconds) >= 360,
    },
    {
      measure: "lesson page JS (gzip)",
      target: "≤ 120 kB",
      value: `${r.lessonJsKb} kB`,
      met: r.lessonJsKb <= 120,
    },
  ];
  if (r.machine.database === "sqlite")
    checks.push({
      measure: "submit req/s on SQLite",
      target: "≥ 500",
      value: `${r.submit.rps}`,
      met: r.submit.rps >= 500,
    });
  return checks;
}

export function formatTable(r: BenchResults): string {
  const lines = [
    `machine: ${r.machine.cpus} cpus, node ${r.machine.node}, ${r.machine.database}`,
    "",
    "figure          req/s    p95 ms",
    ...(["static", "healthDynamic", "lesson", "submit"] as const).map(
      (k) => `${k.padEnd(14)} ${String(r[k].rps).padStart(6)} ${String(r[k].p95ms).padStart(9)}`,
    ),
    `dashboard      ${r.dashboard.learners} learners, ${r.dashboard.answers} answers: p95 ${r.dashboard.p95ms} ms (1% of answers: ${r.dashboard.p95msSmall} ms)`,
    `contentBuild   ${r.contentBuild.notes} notes in ${r.contentBuild.seconds} s`,
    `lessonJsKb     ${r.lessonJsKb}`,
    "",
    "target                                   goal       this run   met",
    ...checkTargets(r).map(
      (c) =>
        `${c.measure.padEnd(40)} ${c.target.padEnd(10)} ${c.value.padEnd(10)} ${c.met ? "yes" : "NO"}`,
    ),
  ];
  return lines.join("\n");
}

export function writeResults(file: string, results: BenchResults): void {
  fs.writeFileSync(file, `${JSON.stringify(resultsSchema.parse(results), null, 2)}\n`);
}
