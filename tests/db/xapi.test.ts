import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { lessonReadStatement, VERBS } from "@/lib/xapi/statements";
import { markRead } from "@/server/progress/mark-read";
import { startQuizAttempt } from "@/server/quiz/start-attempt";
import { startReview } from "@/server/quiz/start-review";
import { submitAttempt, submitExpiredAttempts } from "@/server/quiz/submit-attempt";
import { syncContent } from "@/server/quiz/sync-content";
import type { XapiConfig } from "@/server/xapi/config";
import {
  BATCH_SIZE,
  deliverStatements,
  drainOutbox,
  FIRST_RETRY_MS,
  MAX_RETRY_MS,
  nextAttemptAfter,
  REJECTED_PREFIX,
  REJECTED_UNTIL,
} from "@/server/xapi/deliver";
import { startLrsStub, type LrsStub } from "../../e2e/support/lrs-stub";
import { netNote } from "../support/net-note";
import { peopleOf } from "../support/people";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

// Ports 3540–3549 are this file's: one per database kind, so both runs can go at once.
const PORT = testDatabaseKind() === "postgresql" ? 3541 : 3540;
const HOME = "https://academy.example";

let t: TestDatabase;
let lrs: LrsStub;
let config: XapiConfig;
const { people, person } = peopleOf(() => t.db);

beforeAll(async () => {
  t = await createTestDatabase();
  await syncContent(t.db, [netNote()]);
  lrs = await startLrsStub({ port: PORT, username: "lrs-user", password: "lrs-pass" });
  config = { endpoint: lrs.url, username: "lrs-user", password: "lrs-pass", homePage: HOME };
  await person("ada");
  await person("bob");
  await person("cy");
});

afterAll(async () => {
  await lrs.stop();
  await t.drop();
});

beforeEach(async () => {
  lrs.up();
  lrs.stored.clear();
  lrs.arrivals.clear();
  lrs.refused.length = 0;
  await t.db.xapiStatement.deleteMany();
});

const outbox = () =>
  t.db.xapiStatement.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
const bodies = async () =>
  (await outbox()).map((row) => JSON.parse(row.body) as { verb: { id: string } } & object);

/** A Net quiz, every item answered with its owner (right) or not (wrong). */
async function takeQuiz(userId: string, right: boolean, now: Date, xapi: XapiConfig | null) {
  const { attemptId, items } = await startQuizAttempt(t.db, userId, "net");
  const owners = await t.db.item.findMany({ select: { id: true, owner: true } });
  const owner = new Map(owners.map((o) => [o.id, o.owner]));
  const answers = items.map((item) => ({
    itemId: item.id,
    choice: right ? owner.get(item.id)! : owner.get(item.id) === "AWS" ? "CUSTOMER" : "AWS",
  }));
  return submitAttempt(t.db, userId, attemptId, answers as never, now, xapi);
}

describe("xAPI statements are queued with the event", () => {
  it("queues nothing when XAPI_ENDPOINT is unset", async () => {
    await markRead(t.db, people.ada.id, "net", true, new Date(), null);
    await takeQuiz(people.ada.id, true, new Date(), null);
    expect(await outbox()).toEqual([]);
  });

  it("queues a lesson read, and nothing for unmarking it", async () => {
    const now = new Date("2026-03-01T10:00:00.000Z");
    await markRead(t.db, people.ada.id, "net", true, now, config);
    await markRead(t.db, people.ada.id, "net", false, now, config);
    const rows = await outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tries: 0, sentAt: null, createdAt: now, nextAttemptAt: now });
    expect(JSON.parse(rows[0].body)).toMatchObject({
      id: rows[0].id,
      actor: { account: { homePage: HOME, name: people.ada.id } },
      verb: { id: VERBS.experienced },
      object: { id: `${HOME}/lessons/net`, definition: { name: { "en-US": "Net" } } },
      timestamp: now.toISOString(),
    });
  });

  it("queues one answer per item and the completion, then 'mastered' when a review masters the note", async () => {
    const t0 = new Date("2026-03-01T10:00:00.000Z");
    await takeQuiz(people.bob.id, true, t0, config);
    const quiz = await bodies();
    // One transaction, one createdAt: the outbox keeps no order among them, the timestamps do.
    expect(quiz.map((s) => s.verb.id).sort()).toEqual(
      [VERBS.answered, VERBS.answered, VERBS.completed].sort(),
    );
    const completed = quiz.find((s) => s.verb.id === VERBS.completed);
    const answered = quiz.find((s) => s.verb.id === VERBS.answered);
    expect(completed).toMatchObject({
      result: { completion: true, success: true, score: { scaled: 1, raw: 2, max: 2 } },
    });
    expect(answered).toMatchObject({
      result: { success: true },
      object: { definition: { interactionType: "choice" } },
      context: { contextActivities: { parent: [{ id: `${HOME}/quiz/net` }] } },
    });

    // Proficient now; a review all right a month later makes it Mastered.
    await t.db.xapiStatement.deleteMany();
    const later = new Date(t0.getTime() + 30 * 24 * 3600_000);
    const review = await startReview(t.db, people.bob.id, later);
    const answers = await t.db.answer.findMany({
      where: { attemptId: review!.attemptId },
      select: { itemId: true, item: { select: { owner: true } } },
    });
    await submitAttempt(
      t.db,
      people.bob.id,
      review!.attemptId,
      answers.map((a) => ({ itemId: a.itemId, choice: a.item.owner })),
      later,
      config,
    );
    const verbs = (await bodies()).map((s) => s.verb.id);
    expect(verbs).toContain(VERBS.mastered);
    expect(verbs.filter((v) => v === VERBS.completed)).toHaveLength(1);
    const mastery = await t.db.masteryEvent.findMany({ where: { userId: people.bob.id } });
    expect(mastery.at(-1)?.level).toBe(4);
  });

  it("a timed attempt submitted by the sweep is queued too, at its deadline", async () => {
    const { attemptId } = await startQuizAttempt(t.db, people.cy.id, "net");
    const deadline = new Date(Date.now() + 24 * 3600_000);
    await t.db.attempt.update({ where: { id: attemptId }, data: { expiresAt: deadline } });
    await submitExpiredAttempts(t.db, new Date(deadline.getTime() + 60_000), config);
    const completed = (await bodies()).find((s) => s.verb.id === VERBS.completed);
    expect(completed).toMatchObject({ timestamp: deadline.toISOString() });
  });
});

describe("the outbox is delivered to the LRS", () => {
  it("sends due statements in one request and marks them sent", async () => {
    const now = new Date();
    await takeQuiz(people.ada.id, false, now, config);
    expect(await deliverStatements(t.db, config, now)).toEqual({
      sent: 3,
      retrying: 0,
      rejected: 0,
    });
    const rows = await outbox();
    expect(rows.every((row) => row.sentAt !== null && row.tries === 1)).toBe(true);
    expect([...lrs.stored.keys()].sort()).toEqual(rows.map((row) => row.id).sort());
    expect(await deliverStatements(t.db, config, now)).toEqual({
      sent: 0,
      retrying: 0,
      rejected: 0,
    });
  });

  it("keeps every statement through an outage, backing off, and sends each exactly once after", async () => {
    const start = new Date();
    await markRead(t.db, people.ada.id, "net", true, start, config);
    await takeQuiz(people.ada.id, true, start, config);
    const ids = (await outbox()).map((row) => row.id);
    expect(ids).toHaveLength(4);

    lrs.down("unavailable");
    expect(await deliverStatements(t.db, config, start)).toMatchObject({ sent: 0, retrying: 4 });
    let rows = await outbox();
    expect(rows.every((r) => r.tries === 1 && r.lastError?.includes("503"))).toBe(true);
    expect(rows[0].nextAttemptAt.getTime()).toBe(start.getTime() + FIRST_RETRY_MS);
    // Not due yet: nothing is tried.
    expect(await deliverStatements(t.db, config, start)).toMatchObject({ retrying: 0 });

    lrs.down("close");
    const second = new Date(start.getTime() + FIRST_RETRY_MS);
    expect(await deliverStatements(t.db, config, second)).toMatchObject({ retrying: 4 });
    rows = await outbox();
    expect(rows.every((r) => r.tries === 2 && r.sentAt === null)).toBe(true);
    expect(rows[0].nextAttemptAt.getTime()).toBe(second.getTime() + 2 * FIRST_RETRY_MS);

    lrs.up();
    const third = new Date(second.getTime() + 2 * FIRST_RETRY_MS);
    expect(await deliverStatements(t.db, config, third)).toMatchObject({ sent: 4 });
    expect([...lrs.stored.keys()].sort()).toEqual([...ids].sort());
    expect([...lrs.arrivals.values()]).toEqual([1, 1, 1, 1]);
    expect((await outbox()).every((r) => r.sentAt?.getTime() === third.getTime())).toBe(true);
  });

  it("the job drains a backlog batch after batch in one run", async () => {
    const now = new Date();
    const count = 2 * BATCH_SIZE + 7;
    await t.db.xapiStatement.createMany({
      data: Array.from({ length: count }, () => {
        const statement = lessonReadStatement(
          { homePage: HOME, userId: people.ada.id },
          crypto.randomUUID(),
          { slug: "net", title: "Net" },
          now,
        );
        return {
          id: statement.id,
          body: JSON.stringify(statement),
          createdAt: now,
          nextAttemptAt: now,
        };
      }),
    });
    expect(await drainOutbox(t.db, config, () => now)).toEqual({
      sent: count,
      retrying: 0,
      rejected: 0,
    });
    expect(lrs.arrivals.size).toBe(count);
    expect(await t.db.xapiStatement.count({ where: { sentAt: null } })).toBe(0);
  });

  it("backs off exponentially up to ten minutes", () => {
    const now = new Date(0);
    expect(nextAttemptAfter(1, now).getTime()).toBe(FIRST_RETRY_MS);
    expect(nextAttemptAfter(2, now).getTime()).toBe(2 * FIRST_RETRY_MS);
    expect(nextAttemptAfter(5, now).getTime()).toBe(16 * FIRST_RETRY_MS);
    expect(nextAttemptAfter(40, now).getTime()).toBe(MAX_RETRY_MS);
  });

  it("two instances delivering at once send each statement once", async () => {
    const now = new Date();
    for (let i = 0; i < 3; i++) await takeQuiz(people.ada.id, i % 2 === 0, now, config);
    const reports = await Promise.all([
      deliverStatements(t.db, config, now),
      deliverStatements(t.db, config, now),
    ]);
    expect(reports[0].sent + reports[1].sent).toBe(9);
    expect(lrs.arrivals.size).toBe(9);
    expect([...lrs.arrivals.values()].every((n) => n === 1)).toBe(true);
  });

  it("a statement the LRS refuses as malformed is set aside; the rest of its batch is sent", async () => {
    const now = new Date();
    await takeQuiz(people.ada.id, true, now, config);
    const bad = crypto.randomUUID();
    // A statement without verb.display: valid JSON, invalid xAPI.
    await t.db.xapiStatement.create({
      data: {
        id: bad,
        body: JSON.stringify({
          id: bad,
          actor: { account: { homePage: HOME, name: people.ada.id } },
          verb: { id: VERBS.answered },
          object: { id: `${HOME}/items/x` },
          timestamp: now.toISOString(),
        }),
        createdAt: now,
        nextAttemptAt: now,
      },
    });
    expect(await deliverStatements(t.db, config, now)).toEqual({
      sent: 3,
      retrying: 0,
      rejected: 1,
    });
    const rejected = await t.db.xapiStatement.findUniqueOrThrow({ where: { id: bad } });
    expect(rejected).toMatchObject({ sentAt: null, tries: 1, nextAttemptAt: REJECTED_UNTIL });
    expect(rejected.lastError).toMatch(new RegExp(`^${REJECTED_PREFIX}: HTTP 400`));
    expect(lrs.stored.has(bad)).toBe(false);
    // It stays visible in the outbox and is never sent again.
    const muchLater = new Date(now.getTime() + 365 * 24 * 3600_000);
    expect(await deliverStatements(t.db, config, muchLater)).toEqual({
      sent: 0,
      retrying: 0,
      rejected: 0,
    });
  });

  it("a statement id the LRS already has counts as delivered", async () => {
    const now = new Date();
    await markRead(t.db, people.ada.id, "net", true, now, config);
    const [row] = await outbox();
    // The LRS got it before (an answer lost on the way back), in a copy it stored differently.
    lrs.stored.set(row.id, { ...JSON.parse(row.body), stored: now.toISOString() });
    expect(await deliverStatements(t.db, config, now)).toMatchObject({ sent: 1 });
    expect((await outbox())[0].sentAt).not.toBeNull();
    expect(lrs.refused.map((r) => r.status)).toEqual([409]);
  });

  it("wrong credentials are retried, not rejected: the settings will be fixed", async () => {
    const now = new Date();
    await markRead(t.db, people.ada.id, "net", true, now, config);
    const wrong = { ...config, password: "nope" };
    expect(await deliverStatements(t.db, wrong, now)).toMatchObject({ retrying: 1, rejected: 0 });
    expect((await outbox())[0].lastError).toContain("401");
  });
});
