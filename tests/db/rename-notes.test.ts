import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLibrary } from "@/lib/content/build-library";
import { parseNote } from "@/lib/content/parse-note";
import { syncContent } from "@/server/quiz/sync-content";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});

afterAll(async () => {
  await t.drop();
});

const BODY = `
### AWS Responsibilities

- **Event Capture**: Records management events.

### Customer Responsibilities

- **Log Review**: Queries and alerts on suspicious activity.
`;

const before = buildLibrary([
  parseNote({ file: "notes/Amazon CloudTrail.md", source: `# Amazon CloudTrail\n${BODY}` }),
]).notes;
const after = buildLibrary([
  parseNote({
    file: "notes/AWS CloudTrail.md",
    source: `---\naliases: [Amazon CloudTrail]\nformerSlugs: [amazon-cloudtrail]\n---\n# AWS CloudTrail\n${BODY}`,
  }),
]).notes;

describe("a note renamed with formerSlugs", () => {
  it("keeps its learners' history under the new slug", async () => {
    await syncContent(t.db, before);
    const user = await t.db.user.create({
      data: { email: "r@example.com", name: "R", passwordHash: "x" },
    });
    const items = await t.db.item.findMany({ where: { noteSlug: "amazon-cloudtrail" } });
    expect(items).toHaveLength(2);
    const attempt = await t.db.attempt.create({
      data: {
        userId: user.id,
        kind: "QUIZ",
        noteSlug: "amazon-cloudtrail",
        status: "SUBMITTED",
        total: 1,
        correct: 1,
      },
    });
    await t.db.answer.create({
      data: {
        attemptId: attempt.id,
        itemId: items[0].id,
        itemVersionId: items[0].currentVersionId,
        position: 0,
        choice: "AWS",
        correct: true,
      },
    });
    await t.db.reviewCard.create({
      data: {
        userId: user.id,
        itemId: items[0].id,
        due: new Date(),
        stability: 1,
        difficulty: 1,
        elapsedDays: 0,
        scheduledDays: 1,
        learningSteps: 0,
        reps: 1,
        lapses: 0,
        state: 2,
      },
    });
    await t.db.noteProgress.create({
      data: { userId: user.id, noteSlug: "amazon-cloudtrail", attempts: 1, bestScore: 1 },
    });
    await t.db.masteryEvent.create({
      data: { userId: user.id, noteSlug: "amazon-cloudtrail", level: 2 },
    });

    const report = await syncContent(t.db, after);
    // The items kept their ids and keys: nothing new, nothing retired.
    expect(report).toMatchObject({ created: 0, retired: 0, unchanged: 2 });

    expect(await t.db.note.findUnique({ where: { slug: "amazon-cloudtrail" } })).toBeNull();
    expect(await t.db.note.findUnique({ where: { slug: "aws-cloudtrail" } })).toMatchObject({
      title: "AWS CloudTrail",
      retiredAt: null,
    });
    const moved = await t.db.item.findMany({ where: { noteSlug: "aws-cloudtrail" } });
    expect(moved.map((i) => i.id).sort()).toEqual(items.map((i) => i.id).sort());
    expect(await t.db.attempt.findUnique({ where: { id: attempt.id } })).toMatchObject({
      noteSlug: "aws-cloudtrail",
    });
    expect(await t.db.answer.count({ where: { attemptId: attempt.id, itemId: items[0].id } })).toBe(
      1,
    );
    expect(await t.db.reviewCard.count({ where: { userId: user.id, itemId: items[0].id } })).toBe(
      1,
    );
    expect(await t.db.noteProgress.findMany({ where: { userId: user.id } })).toMatchObject([
      { noteSlug: "aws-cloudtrail", attempts: 1, bestScore: 1 },
    ]);
    expect(await t.db.masteryEvent.findMany({ where: { userId: user.id } })).toMatchObject([
      { noteSlug: "aws-cloudtrail", level: 2 },
    ]);
  });

  it("does nothing the second time, or once the new slug exists", async () => {
    const report = await syncContent(t.db, after);
    expect(report).toMatchObject({ created: 0, revised: 0, retired: 0, unchanged: 2 });
    expect(await t.db.note.count()).toBe(1);
  });
});
