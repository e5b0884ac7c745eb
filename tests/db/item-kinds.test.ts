import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { optionKey } from "@/lib/content/options";
import { getAttempt } from "@/server/quiz/get-attempt";
import { saveAnswers } from "@/server/quiz/save-answers";
import { startQuizAttempt } from "@/server/quiz/start-attempt";
import { startPracticeTest } from "@/server/quiz/start-practice";
import { startReview } from "@/server/quiz/start-review";
import { submitAttempt, submitExpiredAttempts } from "@/server/quiz/submit-attempt";
import { syncContent } from "@/server/quiz/sync-content";
import {
  patchingWithScenario,
  SCENARIO_CONTROL,
  SCENARIO_DISTRACTORS,
} from "../support/scenario-note";
import { expectHttp } from "../support/expect-http";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const HYPERVISOR = "Patches the hypervisor and host operating system.";
const GUEST = "Patches the guest operating system.";
const NEITHER = "Lets instances patch themselves.";

const patching = `# Patching

## AWS Responsibilities
${Array.from({ length: 24 }, (_, i) => `- **Host control ${i + 1}**: AWS runs part ${i + 1}.`).join("\n")}

## Shared Controls
- **Patch Management**: AWS patches hosts; the customer patches guests.
  - AWS half: ${HYPERVISOR}
  - Customer half: ${GUEST}
  - Neither: ${NEITHER}
`;

let t: TestDatabase;
let learner: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await syncContent(t.db, [patchingWithScenario(patching)]);
  learner = (
    await t.db.user.create({ data: { email: "k@example.com", name: "K", passwordHash: "x" } })
  ).id;
});

afterAll(async () => {
  await t.drop();
});

describe("split and scenario items", () => {
  it("are answered by option or owner as their kind says, graded per part, with confidence kept", async () => {
    // The halves, not the Shared control's owner: an attempt asks a control one way (fair-draw.ts).
    const { attemptId, items } = await startQuizAttempt(t.db, learner, "patching", () => true);
    const awsHalf = items.find((i) => i.split?.half === "AWS")!;
    const customerHalf = items.find((i) => i.split?.half === "CUSTOMER")!;
    const whose = items.find((i) => i.scenario?.part === "owner")!;
    const control = items.find((i) => i.scenario?.part === "control")!;
    expect(awsHalf.options.map((o) => o.text).sort()).toEqual([GUEST, HYPERVISOR, NEITHER].sort());
    expect(awsHalf.choices).toEqual([]);

    const wrongShape = await expectHttp(
      saveAnswers(t.db, learner, attemptId, [
        { itemId: awsHalf.id, choice: "AWS" },
        { itemId: whose.id, option: optionKey(GUEST) },
        { itemId: customerHalf.id, option: "0000ffff" },
      ]),
      422,
    );
    expect(Object.keys(wrongShape.fields ?? {})).toEqual([
      "answers.0.choice",
      "answers.1.option",
      "answers.2.option",
    ]);

    await saveAnswers(t.db, learner, attemptId, [
      { itemId: awsHalf.id, option: optionKey(HYPERVISOR), confidence: "sure" },
      { itemId: customerHalf.id, option: optionKey(NEITHER), confidence: "sure" },
      { itemId: whose.id, choice: "CUSTOMER", confidence: "unsure" },
    ]);
    const open = await getAttempt(t.db, learner, attemptId);
    expect(open.result).toBeNull();
    expect(open.answers.find((a) => a.itemId === awsHalf.id)).toEqual({
      itemId: awsHalf.id,
      choice: null,
      option: optionKey(HYPERVISOR),
      confidence: "sure",
    });

    const graded = await submitAttempt(t.db, learner, attemptId, [
      { itemId: control.id, option: optionKey(SCENARIO_DISTRACTORS[0]) },
    ]);
    const result = (id: string) => graded.results.find((r) => r.itemId === id)!;
    expect(result(awsHalf.id)).toMatchObject({
      correct: true,
      expectedOption: optionKey(HYPERVISOR),
    });
    expect(result(customerHalf.id)).toMatchObject({
      correct: false,
      confidence: "sure",
      expected: "CUSTOMER",
      expectedOption: optionKey(GUEST),
    });
    expect(result(whose.id)).toMatchObject({ correct: true, confidence: "unsure" });
    expect(result(control.id)).toMatchObject({
      correct: false,
      expectedOption: optionKey(SCENARIO_CONTROL),
    });

    // Sure and right is Easy, unsure and right is Hard: the sure card waits longer.
    const cards = await t.db.reviewCard.findMany({
      where: { userId: learner, itemId: { in: [awsHalf.id, whose.id, customerHalf.id] } },
    });
    const due = (id: string) => cards.find((c) => c.itemId === id)!.due.getTime();
    expect(due(awsHalf.id)).toBeGreaterThan(due(whose.id));
    // Wrong and sure: counted as a confident mistake, for the learner and their instructors.
    expect(cards.find((c) => c.itemId === customerHalf.id)?.sureWrong).toBe(1);
    expect(cards.find((c) => c.itemId === whose.id)?.sureWrong).toBe(0);

    const read = await getAttempt(t.db, learner, attemptId);
    expect(read.byKind?.map((k) => [k.key, k.correct, k.total])).toEqual(
      expect.arrayContaining([
        ["split", 1, 2],
        ["scenario", 1, 2],
      ]),
    );
  });
});

describe("spaced review", () => {
  it("brings back missed split halves and scenario parts, as what they are", async () => {
    const now = new Date(Date.now() + 60_000);
    const half = await t.db.item.findFirstOrThrow({
      where: { key: "split:Patch Management:customer" },
    });
    const control = await t.db.item.findFirstOrThrow({
      where: { key: "scenario:public-bucket:control" },
    });
    // Missed: both are due now, like any missed item.
    const due = await t.db.reviewCard.findMany({
      where: { userId: learner, due: { lte: now }, itemId: { in: [half.id, control.id] } },
    });
    expect(due).toHaveLength(2);
    const review = await startReview(t.db, learner, now);
    const { items } = await getAttempt(t.db, learner, review!.attemptId);
    // Whatever the review draws, a split half or scenario part comes with its statements to pick.
    for (const item of items.filter((i) => i.kind === "split" || i.scenario?.part === "control")) {
      expect(item.choices).toEqual([]);
      expect(item.options.length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe("a practice test", () => {
  it("refuses lessons that do not exist, and kinds with nothing to ask", async () => {
    const unknown = await expectHttp(
      startPracticeTest(t.db, learner, { notes: ["patching", "nope"], size: 5 }),
      422,
    );
    expect(unknown.fields).toEqual({ "notes.1": ["There is no lesson nope"] });
    await expectHttp(startPracticeTest(t.db, learner, { kinds: ["matrix"], size: 5 }), 422);
  });

  it("draws whole questions of the kinds asked for, and a retake draws new ones first", async () => {
    const first = await startPracticeTest(t.db, learner, { kinds: ["assign"], size: 12 });
    const a = await getAttempt(t.db, learner, first.attemptId);
    expect(a.kind).toBe("practice");
    expect(a.items).toHaveLength(12);
    expect(new Set(a.items.map((i) => i.kind))).toEqual(new Set(["assign"]));

    const retake = await startPracticeTest(t.db, learner, { kinds: ["assign"], size: 12 });
    const b = await getAttempt(t.db, learner, retake.attemptId);
    const before = new Set(a.items.map((i) => i.id));
    // 25 assign items: 12 seen in the first test, and the retake has 13 others to draw from.
    expect(b.items.filter((i) => before.has(i.id))).toEqual([]);

    const halves = await startPracticeTest(t.db, learner, {
      kinds: ["split", "scenario"],
      size: 5,
    });
    const c = await getAttempt(t.db, learner, halves.attemptId);
    // Two questions, each whole: both halves of the split, both parts of the scenario.
    expect(c.items.map((i) => i.kind).sort()).toEqual(["scenario", "scenario", "split", "split"]);
  });

  it("is submitted by the server at its time limit, graded with what was saved before it", async () => {
    const start = new Date("2026-11-28T10:00:00Z");
    const { attemptId } = await startPracticeTest(
      t.db,
      learner,
      { notes: ["patching"], kinds: ["assign"], size: 20, timeLimitMinutes: 10 },
      start,
    );
    const open = await getAttempt(t.db, learner, attemptId, start);
    expect(open.items).toHaveLength(20);
    expect(open.expiresAt).toBe("2026-11-28T10:10:00.000Z");
    // The draw is random: answer an AWS host control right, whichever the draw put first.
    const hostControls = open.items.filter((item) => item.prompt.startsWith("Host control"));
    const [one, two, three] = hostControls;
    await saveAnswers(
      t.db,
      learner,
      attemptId,
      [
        { itemId: one.id, choice: "AWS" },
        { itemId: two.id, choice: "CUSTOMER" },
      ],
      new Date("2026-11-28T10:05:00Z"),
    );

    const late = new Date("2026-11-28T10:10:01Z");
    const refused = await expectHttp(
      saveAnswers(t.db, learner, attemptId, [{ itemId: three.id, choice: "AWS" }], late),
      409,
    );
    expect(refused.message).toMatch(/Time is up/);

    // Nobody opens it again: the sweep submits it.
    expect(await submitExpiredAttempts(t.db, late)).toBe(1);
    const graded = await getAttempt(t.db, learner, attemptId, late);
    expect(graded.status).toBe("submitted");
    expect(graded.result?.score).toEqual({ correct: 1, total: 20 });
    const row = await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(row.submittedAt?.toISOString()).toBe("2026-11-28T10:10:00.000Z");
    expect(await submitExpiredAttempts(t.db, late)).toBe(0);
  });

  it("ignores answers sent with a submit after the deadline", async () => {
    const start = new Date("2026-11-28T12:00:00Z");
    const { attemptId } = await startPracticeTest(
      t.db,
      learner,
      { notes: ["patching"], kinds: ["assign"], size: 5, timeLimitMinutes: 1 },
      start,
    );
    const { items } = await getAttempt(t.db, learner, attemptId, start);
    const graded = await submitAttempt(
      t.db,
      learner,
      attemptId,
      items.map((i) => ({ itemId: i.id, choice: "AWS" as const })),
      new Date("2026-11-28T12:02:00Z"),
    );
    expect(graded.score).toEqual({ correct: 0, total: 5 });
  });
});
