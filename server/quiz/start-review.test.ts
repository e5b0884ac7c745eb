import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseNote } from "@/lib/content/parse-note";
import { getAttempt } from "@/server/quiz/get-attempt";
import { startQuizAttempt } from "@/server/quiz/start-attempt";
import { countReviewOffer, REVIEW_BATCH, startReview } from "@/server/quiz/start-review";
import { submitAttempt } from "@/server/quiz/submit-attempt";
import { syncContent } from "@/server/quiz/sync-content";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

/** A note with more items than one review takes. */
const note = `## Customer Responsibilities
${Array.from({ length: REVIEW_BATCH + 5 }, (_, i) => `- **Control ${i}**: Customer duty ${i}.`).join("\n")}
`;

let t: TestDatabase;
let learner: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await syncContent(t.db, [parseNote({ file: "Many.md", source: note })]);
  learner = (
    await t.db.user.create({ data: { email: "r@example.com", name: "R", passwordHash: "x" } })
  ).id;
});

afterAll(async () => {
  await t.drop();
});

describe("countReviewOffer", () => {
  it("is the number of cards the review then presents: one batch, then the open review's", async () => {
    expect(await countReviewOffer(t.db, learner)).toBe(0);
    const { attemptId, items } = await startQuizAttempt(t.db, learner, "many");
    await submitAttempt(
      t.db,
      learner,
      attemptId,
      items.map((item) => ({ itemId: item.id, choice: "AWS" })),
    );
    const offered = await countReviewOffer(t.db, learner);
    expect(offered).toBe(REVIEW_BATCH);

    const review = await startReview(t.db, learner);
    expect((await getAttempt(t.db, learner, review!.attemptId)).items).toHaveLength(offered);
    // While that review is open, /review resumes it: the offer is its size.
    expect(await countReviewOffer(t.db, learner)).toBe(offered);
  });

  it("gives a graded attempt its score by section", async () => {
    const { attemptId } = await startQuizAttempt(t.db, learner, "many");
    await submitAttempt(t.db, learner, attemptId);
    const attempt = await getAttempt(t.db, learner, attemptId);
    expect(attempt.sections).toEqual([
      expect.objectContaining({ noteTitle: "Many", correct: 0, total: REVIEW_BATCH + 5 }),
    ]);
  });
});
