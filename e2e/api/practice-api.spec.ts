import { expect, test, type APIResponse } from "@playwright/test";
import { newLearner, SEED_SLUG } from "../fixtures";

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string[]> };
}

interface AttemptBody {
  id: string;
  kind: string;
  status: string;
  expiresAt: string | null;
  practice: { notes: string[] | null; kinds: string[] | null; size: number } | null;
  items: Array<{ id: string; kind: string; noteSlug: string }>;
  result: unknown;
}

/** A 422 in the one error shape, with a message filed under `field`. */
async function expectInvalid(response: APIResponse, field: string) {
  expect(response.status(), field).toBe(422);
  const body = (await response.json()) as ErrorBody;
  expect(body.error.code).toBe("validation_failed");
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(Object.keys(body.error.fields ?? {}), JSON.stringify(body)).toContain(field);
  return body.error;
}

test("[LEARNER] POST /api/practice-tests starts a practice test of N questions from the lessons and kinds asked for", async ({
  request,
}) => {
  await newLearner(request, "Practice API Learner");
  const created = await request.post("/api/practice-tests", {
    data: { notes: [SEED_SLUG, "aws-iam"], kinds: ["assign", "service"], size: 10 },
  });
  expect(created.status()).toBe(201);
  const started = (await created.json()) as { attemptId: string };
  expect(Object.keys(started)).toEqual(["attemptId"]);

  const attempt = (await (
    await request.get(`/api/attempts/${started.attemptId}`)
  ).json()) as AttemptBody;
  expect(attempt.kind).toBe("practice");
  expect(attempt.status).toBe("in_progress");
  expect(attempt.expiresAt).toBeNull();
  expect(attempt.result).toBeNull();
  expect(attempt.practice).toEqual({
    notes: [SEED_SLUG, "aws-iam"],
    kinds: ["assign", "service"],
    size: 10,
    timeLimitMinutes: null,
  });
  // "Who owns each control" questions are one item each; the seed's are assign items, IAM's, a
  // service's, service items.
  expect(attempt.items).toHaveLength(10);
  expect(
    attempt.items.every((i) => i.kind === (i.noteSlug === SEED_SLUG ? "assign" : "service")),
  ).toBe(true);
  expect(attempt.items.every((i) => [SEED_SLUG, "aws-iam"].includes(i.noteSlug))).toBe(true);
  expect(JSON.stringify(attempt)).not.toMatch(/"(owner|expected|answerKey)"/);

  // A time limit puts a deadline on the attempt, which the server keeps.
  const before = Date.now();
  const timed = (await (
    await request.post("/api/practice-tests", { data: { size: 5, timeLimitMinutes: 10 } })
  ).json()) as { attemptId: string };
  const timedAttempt = (await (
    await request.get(`/api/attempts/${timed.attemptId}`)
  ).json()) as AttemptBody;
  const deadline = Date.parse(timedAttempt.expiresAt ?? "");
  expect(deadline).toBeGreaterThanOrEqual(before + 10 * 60_000 - 5_000);
  expect(deadline).toBeLessThanOrEqual(Date.now() + 10 * 60_000 + 5_000);
  expect(timedAttempt.practice).toMatchObject({ notes: null, kinds: null, size: 5 });
});

test("[LEARNER] bad practice settings get a 422 with the error shape, field by field, and start nothing", async ({
  request,
}) => {
  await newLearner(request, "Practice Junk Learner");
  const post = (data: unknown) => request.post("/api/practice-tests", { data });

  expect((await expectInvalid(await post({ size: 0 }), "size")).fields?.size).toEqual([
    "A practice test has at least 5 questions",
  ]);
  await expectInvalid(await post({ size: "x" }), "size");
  await expectInvalid(await post({ size: 101 }), "size");
  await expectInvalid(await post({}), "size");
  await expectInvalid(await post({ size: 10, kinds: ["essay"] }), "kinds.0");
  await expectInvalid(await post({ size: 10, kinds: [] }), "kinds");
  await expectInvalid(await post({ size: 10, notes: [SEED_SLUG, "no-such-lesson"] }), "notes.1");
  await expectInvalid(await post({ size: 10, notes: ["Not A Slug!"] }), "notes.0");
  await expectInvalid(await post({ size: 10, admin: true }), "_");
  await expectInvalid(await post({ size: 10, timeLimitMinutes: 0 }), "timeLimitMinutes");
  // A kind no lesson has: nothing to ask, said about the whole request.
  // AWS Artifact's lesson has no service matrix.
  await expectInvalid(await post({ size: 10, notes: ["aws-artifact"], kinds: ["matrix"] }), "_");

  const progress = (await (await request.get("/api/me/export")).json()) as {
    attempts?: unknown[];
  };
  expect(progress.attempts ?? []).toEqual([]);
});

test("[ANONYMOUS] cannot start a practice test", async ({ request }) => {
  const response = await request.post("/api/practice-tests", { data: { size: 10 } });
  expect(response.status()).toBe(401);
  expect(((await response.json()) as ErrorBody).error.code).toBe("unauthenticated");
});

test("[LEARNER] a practice test of 20 asks exactly 20 questions, for every mix of kinds the form offers", async ({
  request,
}) => {
  test.setTimeout(120_000);
  await newLearner(request, "Practice Size Learner");
  const kinds = ["assign", "service", "matrix", "split", "scenario"] as const;
  // Every non-empty subset of the kinds, and no kinds at all (every kind).
  const mixes: Array<Array<(typeof kinds)[number]> | undefined> = [undefined];
  for (let mask = 1; mask < 1 << kinds.length; mask++) {
    mixes.push(kinds.filter((_, i) => mask & (1 << i)));
  }
  for (const [i, mix] of mixes.entries()) {
    // A learner may start 30 quizzes or tests in 10 minutes: a second learner takes the rest.
    if (i === 16) await newLearner(request, "Practice Size Learner 2");
    const created = await request.post("/api/practice-tests", {
      data: { size: 20, ...(mix ? { kinds: mix } : {}) },
    });
    expect(created.status(), JSON.stringify(mix)).toBe(201);
    const { attemptId } = (await created.json()) as { attemptId: string };
    const attempt = (await (await request.get(`/api/attempts/${attemptId}`)).json()) as {
      items: Array<{ noteSlug: string; prompt: string; split: { control: string } | null }>;
    };
    expect(attempt.items, JSON.stringify(mix)).toHaveLength(20);
    // A Shared control is asked by its owner or by its halves, never both in one test.
    const halves = attempt.items.filter((item) => item.split);
    for (const half of halves) {
      expect(
        attempt.items.some(
          (item) => item.noteSlug === half.noteSlug && item.prompt === half.split?.control,
        ),
      ).toBe(false);
    }
  }
});
