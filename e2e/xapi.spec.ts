import Database from "better-sqlite3";
import pg from "pg";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { LRS_PORT } from "../playwright.config";
import { newLearner } from "./fixtures";
import { query } from "./support/db-snapshot";
import { startLrsStub, statementProblem, type JsonObject, type LrsStub } from "./support/lrs-stub";

// The e2e servers send to the LRS on LRS_PORT (scripts/e2e-server.sh) with these credentials. The
// stub is up only while this file runs; statements other journeys made meanwhile wait in the outbox
// and arrive too, so each test looks only at its own learner's (the actor's account name).
const SLUG = "aws-artifact";
const VERB = (name: string) => `http://adlnet.gov/expapi/verbs/${name}`;

test.describe.configure({ mode: "serial" });

let lrs: LrsStub;

test.beforeAll(async () => {
  lrs = await startLrsStub({ port: LRS_PORT, username: "e2e-lrs", password: "e2e-lrs-password" });
});

test.afterAll(async () => {
  await lrs.stop();
});

interface OutboxRow {
  id: string;
  tries: number;
  sentAt: unknown;
  lastError: string | null;
}

/** The learner's statements in the app's outbox (the actor's account name is the user id). */
const outboxOf = (userId: string) =>
  query<OutboxRow>(
    `SELECT "id", "tries", "sentAt", "lastError" FROM "XapiStatement"
     WHERE "body" LIKE '%"name":"${userId}"%'`,
  );

const arrivedFrom = (userId: string) =>
  [...lrs.stored.values()].filter(
    (s) => (s.actor as { account?: { name?: string } }).account?.name === userId,
  );

/** Writes to the e2e database, for setting a learner's history back in time. */
async function execute(sql: string) {
  const url = process.env.E2E_DATABASE_URL;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(sql).finally(() => client.end());
    return;
  }
  const db = new Database("data/e2e.db");
  db.pragma("busy_timeout = 10000");
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

/** A moment as the database stores it: SQLite's column holds ISO text or epoch milliseconds. */
async function sqlDate(at: Date): Promise<string> {
  const [row] = await query<{ at: unknown }>(`SELECT "createdAt" AS "at" FROM "User" LIMIT 1`);
  return typeof row?.at === "number" ? String(at.getTime()) : `'${at.toISOString()}'`;
}

/** Submits an attempt with every item answered right, from the answer key in the database. */
async function answerAllRight(request: APIRequestContext, attemptId: string) {
  const items = await query<{ id: string; owner: string; answerKey: string | null }>(
    `SELECT i."id", v."owner", v."answerKey" FROM "Answer" a
     JOIN "Item" i ON i."id" = a."itemId" JOIN "ItemVersion" v ON v."id" = a."itemVersionId"
     WHERE a."attemptId" = '${attemptId}'`,
  );
  expect(items.length).toBeGreaterThan(0);
  const answers = items.map((item) =>
    item.answerKey
      ? { itemId: item.id, option: item.answerKey }
      : { itemId: item.id, choice: item.owner },
  );
  const submitted = await request.post(`/api/attempts/${attemptId}/submit`, { data: { answers } });
  expect(submitted.status()).toBe(200);
  return items.length;
}

async function takeQuiz(request: APIRequestContext) {
  const started = await request.post(`/api/quizzes/${SLUG}/attempts`);
  expect(started.status()).toBe(201);
  const { attemptId } = (await started.json()) as { attemptId: string };
  return answerAllRight(request, attemptId);
}

function expectValid(statements: JsonObject[]) {
  for (const statement of statements) expect(statementProblem(statement)).toBeNull();
}

test("[LEARNER] a lesson read, answers, a completed quiz and a mastered note reach the LRS as xAPI statements", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const learner = await newLearner(page.request, "Recorded Learner");

  await page.goto(`/lessons/${SLUG}`);
  const read = page.getByLabel("Mark as read");
  await read.check();
  await expect(read).toBeChecked();
  await expect(read).toBeEnabled();

  const items = await takeQuiz(page.request);

  // Proficient two days ago, its cards due: a review all right now makes the note Mastered.
  const twoDaysAgo = await sqlDate(new Date(Date.now() - 2 * 24 * 3600_000));
  const yesterday = await sqlDate(new Date(Date.now() - 24 * 3600_000));
  await execute(
    `UPDATE "NoteProgress" SET "proficientAt" = ${twoDaysAgo}
     WHERE "userId" = '${learner.id}' AND "noteSlug" = '${SLUG}'`,
  );
  await execute(
    `UPDATE "ReviewCard" SET "due" = ${yesterday}, "lastReview" = ${twoDaysAgo}
     WHERE "userId" = '${learner.id}'`,
  );
  const review = await page.request.post("/api/review");
  expect(review.status()).toBe(201);
  const reviewed = await answerAllRight(
    page.request,
    ((await review.json()) as { attemptId: string }).attemptId,
  );

  await expect
    .poll(async () => arrivedFrom(learner.id).length, { timeout: 60_000 })
    .toBe(1 + items + 1 + reviewed + 1 + 1);
  const statements = arrivedFrom(learner.id);
  expectValid(statements);
  const count = (verb: string) =>
    statements.filter((s) => (s.verb as { id: string }).id === VERB(verb)).length;
  expect(count("experienced")).toBe(1);
  expect(count("answered")).toBe(items + reviewed);
  expect(count("completed")).toBe(2);
  expect(count("mastered")).toBe(1);

  const lesson = statements.find((s) => (s.verb as { id: string }).id === VERB("experienced"));
  expect(lesson).toMatchObject({
    actor: { objectType: "Agent", account: { name: learner.id } },
    object: { objectType: "Activity", definition: { type: expect.stringContaining("lesson") } },
  });
  expect((lesson!.object as { id: string }).id).toMatch(new RegExp(`/lessons/${SLUG}$`));
  // The actor is the account, never the email.
  expect(JSON.stringify(statements)).not.toContain(learner.email);
  const quiz = statements.find(
    (s) =>
      (s.verb as { id: string }).id === VERB("completed") &&
      (s.object as { id: string }).id.endsWith(`/quiz/${SLUG}`),
  );
  expect(quiz).toMatchObject({
    result: { completion: true, score: { scaled: 1, raw: items, min: 0, max: items } },
  });
  const answer = statements.find((s) => (s.verb as { id: string }).id === VERB("answered"));
  expect(answer).toMatchObject({
    result: { success: true, response: expect.any(String) },
    object: {
      definition: { interactionType: "choice", correctResponsesPattern: [expect.any(String)] },
    },
  });
  expect((await outboxOf(learner.id)).every((row) => row.sentAt !== null)).toBe(true);
});

test("[LRS] no statement is lost while the LRS is down: the outbox keeps them, retries, and each arrives exactly once after", async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const request = await playwright.request.newContext({ baseURL });
  const learner = await newLearner(request, "Offline Learner");
  lrs.down("close");

  const read = await request.put(`/api/me/lessons/${SLUG}/read`, { data: { read: true } });
  expect(read.status()).toBe(200);
  const items = await takeQuiz(request);
  const expected = 1 + items + 1;

  // The delivery job tries, fails and backs off; every statement waits in the outbox.
  await expect
    .poll(
      async () => {
        const rows = await outboxOf(learner.id);
        return rows.length === expected && rows.every((r) => r.tries >= 1 && r.sentAt === null);
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  const waiting = await outboxOf(learner.id);
  expect(waiting.every((row) => row.lastError)).toBe(true);
  expect(arrivedFrom(learner.id)).toHaveLength(0);

  lrs.up();
  await expect.poll(async () => arrivedFrom(learner.id).length, { timeout: 90_000 }).toBe(expected);
  const arrived = arrivedFrom(learner.id);
  expectValid(arrived);
  expect(arrived.map((s) => s.id).sort()).toEqual(waiting.map((row) => row.id).sort());
  // Exactly once: no id came in twice, even though two app instances deliver from one outbox.
  for (const row of waiting) expect(lrs.arrivals.get(row.id)).toBe(1);
  await expect
    .poll(async () => (await outboxOf(learner.id)).every((row) => row.sentAt !== null))
    .toBe(true);
  await request.dispose();
});
