import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseNote } from "@/lib/content/parse-note";
import type { ParsedNote } from "@/lib/content/types";
import { getProgress } from "@/server/progress/get-progress";
import { markRead } from "@/server/progress/mark-read";
import { getAttempt } from "@/server/quiz/get-attempt";
import { getQuiz } from "@/server/quiz/get-quiz";
import { listQuizzes } from "@/server/quiz/list-quizzes";
import { saveAnswers } from "@/server/quiz/save-answers";
import { startQuizAttempt } from "@/server/quiz/start-attempt";
import { countDue, startReview } from "@/server/quiz/start-review";
import { submitAttempt } from "@/server/quiz/submit-attempt";
import { syncContent } from "@/server/quiz/sync-content";
import { HttpError } from "@/server/http/errors";
import { expectHttp } from "../support/expect-http";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const noteV1 = `## AWS Responsibilities
- **Hypervisor**: Isolates guests.
- **Data Centers**: Guards buildings.
## Customer Responsibilities
- **Guest OS**: Patched by the customer.
  - What it is: Patching the operating system inside each instance.
  - Source: [Security in Amazon EC2](https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-security.html)
## Shared Controls
- **Patching**: Both patch their layers.
`;

function parse(source: string, file = "Sample.md"): ParsedNote {
  return parseNote({ file, source });
}

let t: TestDatabase;
let learner: string;
let other: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await syncContent(t.db, [parse(noteV1)]);
  learner = (
    await t.db.user.create({ data: { email: "l@example.com", name: "L", passwordHash: "x" } })
  ).id;
  other = (
    await t.db.user.create({ data: { email: "o@example.com", name: "O", passwordHash: "x" } })
  ).id;
});

afterAll(async () => {
  await t.drop();
});

const ownerOf: Record<string, "AWS" | "CUSTOMER" | "SHARED"> = {
  Hypervisor: "AWS",
  "Data Centers": "AWS",
  "Guest OS": "CUSTOMER",
  Patching: "SHARED",
};

describe("content sync", () => {
  it("is idempotent", async () => {
    const again = await syncContent(t.db, [parse(noteV1)]);
    expect(again).toMatchObject({ created: 0, revised: 0, retired: 0, unchanged: 4 });
  });

  it("lists the quiz without its answers", async () => {
    expect(await listQuizzes(t.db)).toEqual([{ slug: "sample", title: "Sample", itemCount: 4 }]);
    const quiz = await getQuiz(t.db, "sample");
    expect(quiz.items).toHaveLength(4);
    expect(quiz.items[0]).toEqual({
      id: expect.any(String),
      kind: "assign",
      prompt: "Hypervisor",
      detail: "Isolates guests.",
      serviceModel: null,
      noteSlug: "sample",
      service: null,
      choices: ["AWS", "CUSTOMER", "SHARED"],
      options: [],
      matrix: null,
      split: null,
      scenario: null,
    });
    expect(JSON.stringify(quiz)).not.toMatch(/"owner"/);
  });
});

describe("an attempt", () => {
  it("autosaves partial answers, rejects strangers' items and other people, and grades on submit", async () => {
    const { attemptId, items } = await startQuizAttempt(t.db, learner, "sample");
    const id = (prompt: string) => items.find((i) => i.prompt === prompt)!.id;

    await saveAnswers(t.db, learner, attemptId, [{ itemId: id("Hypervisor"), choice: "AWS" }]);
    await saveAnswers(t.db, learner, attemptId, [{ itemId: id("Guest OS"), choice: "AWS" }]);
    const unknown = await expectHttp(
      saveAnswers(t.db, learner, attemptId, [
        { itemId: id("Patching"), choice: "SHARED" },
        { itemId: "no-such-item", choice: "AWS" },
      ]),
      422,
    );
    expect(unknown.fields).toEqual({
      "answers.1.itemId": ["Item no-such-item is not part of this attempt"],
    });
    await expectHttp(getAttempt(t.db, other, attemptId), 404);
    await expectHttp(saveAnswers(t.db, other, attemptId, []), 404);

    const saved = await getAttempt(t.db, learner, attemptId);
    expect(saved.status).toBe("in_progress");
    // The rejected batch wrote nothing: Patching is still unanswered.
    expect(Object.fromEntries(saved.answers.map((a) => [a.itemId, a.choice]))).toEqual({
      [id("Hypervisor")]: "AWS",
      [id("Guest OS")]: "AWS",
      [id("Data Centers")]: null,
      [id("Patching")]: null,
    });

    const graded = await submitAttempt(t.db, learner, attemptId, [
      { itemId: id("Patching"), choice: "SHARED" },
    ]);
    expect(graded.score).toEqual({ correct: 2, total: 4 });
    const guest = graded.results.find((r) => r.itemId === id("Guest OS"))!;
    expect(guest).toEqual({
      itemId: id("Guest OS"),
      choice: "AWS",
      option: null,
      confidence: null,
      correct: false,
      expected: "CUSTOMER",
      expectedOption: null,
      explanation: "Patched by the customer.",
      source: {
        title: "Security in Amazon EC2",
        url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-security.html",
      },
      lessonHref: "/lessons/sample#customer-responsibilities",
      related: [],
    });
    expect(graded.results.find((r) => r.itemId === id("Data Centers"))).toMatchObject({
      choice: null,
      correct: false,
    });

    await expectHttp(
      saveAnswers(t.db, learner, attemptId, [{ itemId: id("Guest OS"), choice: "CUSTOMER" }]),
      409,
    );
    expect(await submitAttempt(t.db, learner, attemptId)).toEqual(graded);

    const progress = await getProgress(t.db, learner);
    expect(progress.quizzes).toEqual([
      { slug: "sample", title: "Sample", attempts: 1, bestScore: 50, lastScore: 50 },
    ]);
    expect(progress.mastery).toEqual([{ noteSlug: "sample", level: "attempted" }]);
    expect(progress.due).toBe(2);
  });

  it("brings missed items back in review and records a perfect quiz as proficient", async () => {
    const review = await startReview(t.db, learner);
    const attempt = await getAttempt(t.db, learner, review!.attemptId);
    expect(attempt.items.map((i) => i.prompt).sort()).toEqual(["Data Centers", "Guest OS"]);
    const answers = attempt.items.map((i) => ({ itemId: i.id, choice: ownerOf[i.prompt] }));
    const graded = await submitAttempt(t.db, learner, attempt.id, answers);
    expect(graded.score).toEqual({ correct: 2, total: 2 });
    expect(await countDue(t.db, learner)).toBe(0);

    const { attemptId, items } = await startQuizAttempt(t.db, learner, "sample");
    await submitAttempt(
      t.db,
      learner,
      attemptId,
      items.map((i) => ({ itemId: i.id, choice: ownerOf[i.prompt] })),
    );
    const progress = await getProgress(t.db, learner);
    expect(progress.quizzes[0]).toMatchObject({ attempts: 2, bestScore: 100, lastScore: 100 });
    expect(progress.mastery[0].level).toBe("proficient");
    expect(progress.streak).toBe(1);
  });

  it("[CONCURRENCY] 20 concurrent submits of one attempt record one attempt, and all get the same grade", async ({
    task,
  }) => {
    task.meta.cases = 20;
    const { attemptId, items } = await startQuizAttempt(t.db, other, "sample");
    const answers = items.map((i) => ({ itemId: i.id, choice: "AWS" as const }));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () => submitAttempt(t.db, other, attemptId, answers)),
    );
    const grades = outcomes.map((o) => (o.status === "fulfilled" ? o.value : o.reason));
    for (const grade of grades) expect(grade).toEqual(grades[0]);
    const progress = await t.db.noteProgress.findUnique({
      where: { userId_noteSlug: { userId: other, noteSlug: "sample" } },
    });
    expect(progress?.attempts).toBe(1);
    const cards = await t.db.reviewCard.findMany({ where: { userId: other } });
    expect(cards.map((c) => c.attempts)).toEqual([1, 1, 1, 1]);
  });

  it("[CONCURRENCY] an autosave racing a submit never reopens or changes the submitted attempt", async ({
    task,
  }) => {
    task.meta.cases = 2;
    const { attemptId, items } = await startQuizAttempt(t.db, other, "sample");
    const right = items.map((i) => ({ itemId: i.id, choice: ownerOf[i.prompt] }));
    const wrong = items.map((i) => ({ itemId: i.id, choice: "SHARED" as const }));
    const [submitted, saved] = await Promise.allSettled([
      submitAttempt(t.db, other, attemptId, right),
      saveAnswers(t.db, other, attemptId, wrong),
    ]);
    expect(submitted.status).toBe("fulfilled");
    const after = await getAttempt(t.db, other, attemptId);
    expect(after.status).toBe("submitted");
    const graded = await submitAttempt(t.db, other, attemptId);
    // Either the save landed first (and the submit's own answers overrode it) or it was refused with 409.
    if (saved.status === "rejected") expect((saved.reason as HttpError).status).toBe(409);
    expect(graded.score.correct).toBe(4);
    expect(after.answers.map((a) => a.choice).sort()).toEqual(right.map((a) => a.choice).sort());
  });

  it("marks lessons read and unread", async () => {
    await markRead(t.db, learner, "sample", true);
    expect((await getProgress(t.db, learner)).lessons).toEqual([
      { slug: "sample", title: "Sample", read: true },
    ]);
    await markRead(t.db, learner, "sample", false);
    expect((await getProgress(t.db, learner)).lessons[0].read).toBe(false);
    await expectHttp(markRead(t.db, learner, "no-such-lesson", true), 404);
  });
});

describe("editing a note", () => {
  it("versions a changed item, keeps the old attempt's version, and retires a removed bullet", async () => {
    const { attemptId, items } = await startQuizAttempt(t.db, learner, "sample");
    const hypervisor = items.find((i) => i.prompt === "Hypervisor")!;
    const edited = noteV1
      .replace("Isolates guests.", "Keeps tenants apart.")
      .replace("- **Data Centers**: Guards buildings.\n", "");
    const report = await syncContent(t.db, [parse(edited)]);
    expect(report).toMatchObject({ created: 0, revised: 1, retired: 1 });

    // The open attempt still shows and grades the wording it was started with.
    const open = await getAttempt(t.db, learner, attemptId);
    expect(open.items.find((i) => i.id === hypervisor.id)?.detail).toBe("Isolates guests.");
    const graded = await submitAttempt(t.db, learner, attemptId, [
      { itemId: hypervisor.id, choice: "AWS" },
    ]);
    expect(graded.results.find((r) => r.itemId === hypervisor.id)?.explanation).toBe(
      "Isolates guests.",
    );
    expect(graded.score.total).toBe(4);

    const quiz = await getQuiz(t.db, "sample");
    expect(quiz.items.map((i) => i.prompt)).toEqual(["Hypervisor", "Guest OS", "Patching"]);
    expect(quiz.items[0].detail).toBe("Keeps tenants apart.");
    const versions = await t.db.itemVersion.findMany({
      where: { itemId: hypervisor.id },
      orderBy: { version: "asc" },
    });
    expect(versions.map((v) => v.detail)).toEqual(["Isolates guests.", "Keeps tenants apart."]);

    // Putting the bullet back revives the same item, history intact.
    const restored = await syncContent(t.db, [
      parse(edited + "- **Data Centers**: Guards buildings.\n"),
    ]);
    expect(restored).toMatchObject({ created: 0, retired: 0 });
  });
});
