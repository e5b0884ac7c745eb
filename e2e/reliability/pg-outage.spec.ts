import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { answerAll, newLearner } from "../fixtures";
import { query } from "../support/db-snapshot";

// Stops and restarts the PostgreSQL cluster: only where CI asks for it, on its own throwaway machine.
test.skip(
  !process.env.E2E_DATABASE_URL || process.env.PG_OUTAGE_TEST !== "1",
  "needs E2E_DATABASE_URL on PostgreSQL and PG_OUTAGE_TEST=1",
);

function cluster(action: "stop" | "start") {
  const version = fs.readdirSync("/etc/postgresql")[0];
  execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", action], {
    stdio: "ignore",
  });
}

test("[OUTAGE] PostgreSQL goes away mid-run: clear 503s, recovery by itself, no acknowledged write lost", async ({
  request,
}) => {
  test.setTimeout(120_000);
  await newLearner(request, "Outage Learner");
  const attempts: Array<{ id: string; answers: ReturnType<typeof answerAll> }> = [];
  for (let i = 0; i < 8; i++) {
    const { attemptId, items } = (await (
      await request.post("/api/quizzes/aws-iam/attempts")
    ).json()) as {
      attemptId: string;
      items: Array<{ id: string; options: Array<{ key: string }> }>;
    };
    attempts.push({
      id: attemptId,
      answers: answerAll(items, "CUSTOMER"),
    });
  }
  const before = attempts.slice(0, 4);
  const scores = new Map<string, number>();
  for (const a of before) {
    const response = await request.post(`/api/attempts/${a.id}/submit`, {
      data: { answers: a.answers },
    });
    expect(response.status()).toBe(200);
    scores.set(a.id, ((await response.json()) as { score: { correct: number } }).score.correct);
  }

  cluster("stop");
  try {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(503);
    expect(((await health.json()) as { error: { code: string } }).error.code).toBe(
      "database_unavailable",
    );
    const during = await request.post(`/api/attempts/${attempts[4].id}/submit`, {
      data: { answers: attempts[4].answers },
    });
    expect(during.status()).toBe(503);
    expect(((await during.json()) as { error: { message: string } }).error.message).toMatch(
      /database is unavailable/i,
    );
  } finally {
    cluster("start");
  }

  // The app reconnects by itself: no restart.
  await expect
    .poll(async () => (await request.get("/api/health")).status(), {
      timeout: 30_000,
      intervals: [500],
    })
    .toBe(200);
  for (const a of attempts.slice(4)) {
    const response = await request.post(`/api/attempts/${a.id}/submit`, {
      data: { answers: a.answers },
    });
    expect(response.status()).toBe(200);
  }
  const rows = await query<{ id: string; status: string; correct: number }>(
    `SELECT "id", "status", "correct" FROM "Attempt" WHERE "id" IN (${attempts.map((a) => `'${a.id}'`).join(",")})`,
  );
  expect(rows.filter((r) => r.status === "SUBMITTED")).toHaveLength(attempts.length);
  for (const [id, correct] of scores) expect(rows.find((r) => r.id === id)?.correct).toBe(correct);
  test.info().annotations.push({
    type: "cases",
    description: `${attempts.length} submits across one stop and start of the cluster`,
  });
});
