import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseNote } from "@/lib/content/parse-note";
import { getHomeSummary } from "@/server/progress/get-home-summary";
import { markRead } from "@/server/progress/mark-read";
import { resumeOrStartQuizAttempt } from "@/server/quiz/start-attempt";
import { submitAttempt } from "@/server/quiz/submit-attempt";
import { syncContent } from "@/server/quiz/sync-content";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const note = `## AWS Responsibilities
- **Hypervisor**: Isolates guests.
## Customer Responsibilities
- **Guest OS**: Patched by the customer.
`;

const lessons = [
  { slug: "first", title: "First" },
  { slug: "second", title: "Second" },
];

let t: TestDatabase;
let learner: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await syncContent(t.db, [
    parseNote({ file: "First.md", source: note }),
    parseNote({ file: "Second.md", source: note }),
  ]);
  learner = (
    await t.db.user.create({ data: { email: "h@example.com", name: "H", passwordHash: "x" } })
  ).id;
});

afterAll(async () => {
  await t.drop();
});

describe("the signed-in home page summary", () => {
  it("offers the first lesson to a newcomer, then whatever the learner touched last", async () => {
    expect(await getHomeSummary(t.db, learner, lessons)).toEqual({
      resume: null,
      due: 0,
      next: lessons[0],
      read: 0,
      total: 2,
    });

    const start = new Date("2026-01-01T10:00:00Z");
    await markRead(t.db, learner, "first", true, start);
    let summary = await getHomeSummary(t.db, learner, lessons, start);
    expect(summary.resume).toEqual({ kind: "lesson", lesson: lessons[0] });
    expect(summary.next).toEqual(lessons[1]);
    expect(summary.read).toBe(1);

    // A quiz started after the reading is where the learner left off.
    const { attemptId } = await resumeOrStartQuizAttempt(t.db, learner, "second");
    summary = await getHomeSummary(t.db, learner, lessons);
    expect(summary.resume).toEqual({
      kind: "quiz",
      lesson: lessons[1],
      status: "in-progress",
      score: null,
    });

    const items = await t.db.answer.findMany({
      where: { attemptId },
      select: { itemId: true },
    });
    await submitAttempt(
      t.db,
      learner,
      attemptId,
      items.map((i) => ({ itemId: i.itemId, choice: "AWS" as const })),
    );
    summary = await getHomeSummary(t.db, learner, lessons, new Date(Date.now() + 400 * 86_400_000));
    expect(summary.resume).toMatchObject({ kind: "quiz", status: "submitted", score: "1 of 2" });
    // Every answered item is due for review a year later.
    expect(summary.due).toBe(2);

    // A lesson no longer published is not offered.
    expect((await getHomeSummary(t.db, learner, [lessons[0]])).resume).toEqual({
      kind: "lesson",
      lesson: lessons[0],
    });
  });
});
