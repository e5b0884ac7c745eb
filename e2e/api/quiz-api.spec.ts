import { expect, test, type APIRequestContext } from "@playwright/test";
import { newLearner, SEED_SLUG } from "../fixtures";

interface QuizItem {
  id: string;
  kind: "assign" | "service" | "matrix" | "split" | "scenario";
  service: string | null;
  prompt: string;
  detail: string;
  choices: string[];
  options: Array<{ key: string; text: string }>;
  serviceModel: string | null;
  matrix: { row: string; column: string } | null;
  split: { control: string; half: "AWS" | "CUSTOMER" } | null;
}

async function errorOf(response: Awaited<ReturnType<APIRequestContext["get"]>>) {
  const body = (await response.json()) as {
    error: { code: string; message: string; fields?: Record<string, string[]> };
  };
  expect(typeof body.error.code).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}

test("[ANONYMOUS] lists quizzes and reads one without answers, but cannot start or read attempts", async ({
  request,
}) => {
  const quizzes = (await (await request.get("/api/quizzes")).json()) as Array<{
    slug: string;
    title: string;
    itemCount: number;
  }>;
  expect(quizzes).toContainEqual({
    slug: SEED_SLUG,
    title: "AWS Shared Responsibility Model",
    itemCount: 33,
  });

  const quiz = (await (await request.get(`/api/quizzes/${SEED_SLUG}`)).json()) as {
    slug: string;
    title: string;
    items: QuizItem[];
  };
  // 36 lines of the seed, less the two WorkSpaces layers and the PaaS guest OS its annotations
  // withdraw.
  expect(quiz.items).toHaveLength(33);
  // The seed's IaaS, PaaS and SaaS layers are one matrix: a cell per layer and model.
  expect(quiz.items.filter((i) => i.kind === "matrix")).toHaveLength(18);
  expect(quiz.items.every((i) => JSON.stringify(i.choices) === '["AWS","CUSTOMER","SHARED"]')).toBe(
    true,
  );
  expect(
    quiz.items.find((i) => i.prompt === "PaaS (RDS, Elastic Beanstalk): Virtualization")
      ?.serviceModel,
  ).toBe("PaaS (RDS, Elastic Beanstalk)");
  expect(JSON.stringify(quiz)).not.toMatch(/"(owner|expected|answer)"/);
  expect((await request.get("/api/quizzes/not-a-quiz")).status()).toBe(404);

  for (const response of [
    await request.post(`/api/quizzes/${SEED_SLUG}/attempts`),
    await request.get("/api/attempts/anything"),
    await request.put("/api/attempts/anything/answers", { data: { answers: [] } }),
    await request.post("/api/attempts/anything/submit", { data: {} }),
    await request.get("/api/me/progress"),
  ]) {
    expect(response.status()).toBe(401);
    expect((await errorOf(response)).code).toBe("unauthenticated");
  }
});

test("[LEARNER] takes a quiz through the API: autosave merges, submit grades once, the attempt is then read-only", async ({
  request,
}) => {
  await newLearner(request);
  const created = await request.post(`/api/quizzes/${SEED_SLUG}/attempts`);
  expect(created.status()).toBe(201);
  const { attemptId, items } = (await created.json()) as { attemptId: string; items: QuizItem[] };
  const byPrompt = (prompt: string) => items.find((i) => i.prompt === prompt)!.id;

  await request.put(`/api/attempts/${attemptId}/answers`, {
    data: { answers: [{ itemId: byPrompt("Physical Security"), choice: "AWS" }] },
  });
  const merge = await request.put(`/api/attempts/${attemptId}/answers`, {
    data: { answers: [{ itemId: byPrompt("IAM"), choice: "AWS" }] },
  });
  expect(merge.status()).toBe(200);
  const attempt = (await (await request.get(`/api/attempts/${attemptId}`)).json()) as {
    id: string;
    status: string;
    answers: Array<{ itemId: string; choice: string | null }>;
  };
  expect(attempt.id).toBe(attemptId);
  expect(attempt.status).toBe("in_progress");
  expect(attempt.answers.filter((a) => a.choice)).toHaveLength(2);

  const submit = await request.post(`/api/attempts/${attemptId}/submit`, {
    data: { answers: [{ itemId: byPrompt("Training"), choice: "SHARED" }] },
  });
  expect(submit.status()).toBe(200);
  const graded = (await submit.json()) as {
    score: { correct: number; total: number };
    results: Array<Record<string, unknown>>;
  };
  expect(graded.score).toEqual({ correct: 2, total: 33 });
  expect(graded.results.find((r) => r.itemId === byPrompt("IAM"))).toEqual({
    itemId: byPrompt("IAM"),
    choice: "AWS",
    option: null,
    confidence: null,
    correct: false,
    expected: "CUSTOMER",
    expectedOption: null,
    explanation: "Configures users, roles, policies, and MFA for access control.",
    source: {
      title: "Security best practices in IAM (IAM User Guide)",
      url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html",
    },
    lessonHref: `/lessons/${SEED_SLUG}#customer-responsibilities`,
    related: [],
  });

  const again = await request.post(`/api/attempts/${attemptId}/submit`, { data: {} });
  expect(again.status()).toBe(200);
  expect(await again.json()).toEqual(graded);
  const late = await request.put(`/api/attempts/${attemptId}/answers`, {
    data: { answers: [{ itemId: byPrompt("IAM"), choice: "CUSTOMER" }] },
  });
  expect(late.status()).toBe(409);
  expect((await errorOf(late)).code).toBe("conflict");

  const progress = (await (await request.get("/api/me/progress")).json()) as Record<
    string,
    unknown
  > & { quizzes: unknown[]; mastery: unknown[]; due: number; lessons: unknown[] };
  expect(progress.quizzes).toContainEqual(
    expect.objectContaining({ slug: SEED_SLUG, attempts: 1, bestScore: 6, lastScore: 6 }),
  );
  expect(progress.mastery).toContainEqual({ noteSlug: SEED_SLUG, level: "attempted" });
  expect(progress.lessons).toContainEqual(
    expect.objectContaining({ slug: SEED_SLUG, read: false }),
  );
  expect(progress.due).toBe(31);
});

test("[LEARNER] answers a split half with one of its statements, and an answer of the wrong shape is a 422", async ({
  request,
}) => {
  await newLearner(request);
  const quizzes = (await (await request.get("/api/quizzes")).json()) as Array<{ slug: string }>;
  expect(quizzes.map((q) => q.slug)).toEqual(
    expect.arrayContaining(["amazon-ec2", "amazon-rds", "aws-lambda", "amazon-vpc"]),
  );
  // The second attempt at a note asks its Shared controls by their halves (lib/quiz/fair-draw.ts).
  await request.post("/api/quizzes/amazon-ec2/attempts");
  const created = await request.post("/api/quizzes/amazon-ec2/attempts");
  const { attemptId, items } = (await created.json()) as { attemptId: string; items: QuizItem[] };
  const half = items.find((i) => i.kind === "split")!;
  // Never beside the control's own owner question.
  expect(items.some((i) => i.prompt === half.split?.control)).toBe(false);
  // A service note's controls are per-service items, naming their service.
  const owned = items.find((i) => i.kind === "service")!;
  expect(owned.service).toBe("Amazon EC2");
  expect(half.choices).toEqual([]);
  expect(half.options.length).toBeGreaterThanOrEqual(2);
  expect(JSON.stringify(items)).not.toMatch(/"(owner|answerKey|expected|expectedOption)":/);

  const url = `/api/attempts/${attemptId}/answers`;
  const ownerForSplit = await request.put(url, {
    data: { answers: [{ itemId: half.id, choice: "AWS" }] },
  });
  expect(ownerForSplit.status()).toBe(422);
  expect(Object.keys((await errorOf(ownerForSplit)).fields ?? {})).toEqual(["answers.0.choice"]);
  const optionForOwner = await request.put(url, {
    data: { answers: [{ itemId: owned.id, option: half.options[0].key }] },
  });
  expect(Object.keys((await errorOf(optionForOwner)).fields ?? {})).toEqual(["answers.0.option"]);
  const both = await request.put(url, {
    data: { answers: [{ itemId: owned.id, choice: "AWS", option: half.options[0].key }] },
  });
  expect(both.status()).toBe(422);

  const saved = await request.put(url, {
    data: { answers: [{ itemId: half.id, option: half.options[0].key, confidence: "sure" }] },
  });
  expect(saved.status()).toBe(200);
  const graded = (await (
    await request.post(`/api/attempts/${attemptId}/submit`, { data: {} })
  ).json()) as {
    results: Array<{
      itemId: string;
      option: string | null;
      expectedOption: string | null;
      confidence: string | null;
    }>;
  };
  const result = graded.results.find((r) => r.itemId === half.id)!;
  expect(result).toMatchObject({ option: half.options[0].key, confidence: "sure" });
  expect(half.options.map((o) => o.key)).toContain(result.expectedOption);
});

test("[JUNK] bad quiz input gets a clear 4xx and changes nothing", async ({ request }) => {
  test.info().annotations.push({ type: "cases", description: "7" });
  await newLearner(request);
  const { attemptId, items } = (await (
    await request.post(`/api/quizzes/${SEED_SLUG}/attempts`)
  ).json()) as { attemptId: string; items: QuizItem[] };
  const url = `/api/attempts/${attemptId}/answers`;
  const itemId = items[0].id;

  const malformed = await request.put(url, {
    headers: { "content-type": "application/json" },
    data: Buffer.from("{not json"),
  });
  expect(malformed.status()).toBe(400);
  expect((await errorOf(malformed)).code).toBe("bad_request");

  const wrongType = await request.put(url, { data: { answers: "all of them" } });
  expect(wrongType.status()).toBe(422);
  expect((await errorOf(wrongType)).fields).toHaveProperty("answers");

  const badChoice = await request.put(url, { data: { answers: [{ itemId, choice: "NOBODY" }] } });
  expect(badChoice.status()).toBe(422);
  expect((await errorOf(badChoice)).fields?.["answers.0.choice"]?.[0]).toContain(
    "AWS, CUSTOMER, SHARED",
  );

  const unknownItem = await request.put(url, {
    data: {
      answers: [
        { itemId, choice: "AWS" },
        { itemId: "not-an-item", choice: "AWS" },
      ],
    },
  });
  expect(unknownItem.status()).toBe(422);
  expect((await errorOf(unknownItem)).fields).toEqual({
    "answers.1.itemId": ["Item not-an-item is not part of this attempt"],
  });

  const extraKey = await request.put(url, {
    data: { answers: [{ itemId, choice: "AWS", __proto__x: 1 }] },
  });
  expect(extraKey.status()).toBe(422);

  const huge = await request.put(url, {
    headers: { "content-type": "application/json" },
    data: JSON.stringify({ answers: [{ itemId: "x".repeat(100_000), choice: "AWS" }] }),
  });
  expect(huge.status()).toBe(413);
  expect((await errorOf(huge)).code).toBe("payload_too_large");

  const notJson = await request.put(url, {
    headers: { "content-type": "text/plain" },
    data: Buffer.from("answers"),
  });
  expect(notJson.status()).toBe(415);

  const attempt = (await (await request.get(`/api/attempts/${attemptId}`)).json()) as {
    answers: Array<{ choice: string | null }>;
  };
  expect(attempt.answers.every((a) => a.choice === null)).toBe(true);
});

test("[ACCESS] a learner cannot read or change another learner's attempt", async ({
  request,
  playwright,
  baseURL,
}) => {
  await newLearner(request);
  const { attemptId, items } = (await (
    await request.post(`/api/quizzes/${SEED_SLUG}/attempts`)
  ).json()) as { attemptId: string; items: QuizItem[] };

  const stranger = await playwright.request.newContext({ baseURL });
  await newLearner(stranger, "Stranger");
  expect((await stranger.get(`/api/attempts/${attemptId}`)).status()).toBe(404);
  expect(
    (
      await stranger.put(`/api/attempts/${attemptId}/answers`, {
        data: { answers: [{ itemId: items[0].id, choice: "AWS" }] },
      })
    ).status(),
  ).toBe(404);
  expect((await stranger.post(`/api/attempts/${attemptId}/submit`, { data: {} })).status()).toBe(
    404,
  );
  await stranger.dispose();

  const mine = (await (await request.get(`/api/attempts/${attemptId}`)).json()) as {
    status: string;
    answers: Array<{ choice: string | null }>;
  };
  expect(mine.status).toBe("in_progress");
  expect(mine.answers.every((a) => a.choice === null)).toBe(true);
});

test("[CSRF] a state-changing request from a foreign Origin is refused", async ({ request }) => {
  await newLearner(request);
  const response = await request.post(`/api/quizzes/${SEED_SLUG}/attempts`, {
    headers: { origin: "https://evil.example" },
  });
  expect(response.status()).toBe(403);
});

test("[ANONYMOUS] health reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({
    status: "ok",
    database: process.env.E2E_DATABASE_URL ? "postgresql" : "sqlite",
  });
});
