import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseNote } from "@/lib/content/parse-note";
import { findCurrentQuizAttempt } from "@/server/quiz/find-quiz-attempt";
import { getAttempt } from "@/server/quiz/get-attempt";
import { resumeOrStartQuizAttempt } from "@/server/quiz/start-attempt";
import { findOpenReview, startReview } from "@/server/quiz/start-review";
import { submitAttempt } from "@/server/quiz/submit-attempt";
import { syncContent } from "@/server/quiz/sync-content";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const note = `## AWS Responsibilities
- **Hypervisor**: Isolates guests.
## Customer Responsibilities
- **Guest OS**: Patched by the customer.
`;

let t: TestDatabase;
let learner: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await syncContent(t.db, [parseNote({ file: "Sample.md", source: note })]);
  learner = (
    await t.db.user.create({ data: { email: "l@example.com", name: "L", passwordHash: "x" } })
  ).id;
});

afterAll(async () => {
  await t.drop();
});

const attempts = () => t.db.attempt.count({ where: { userId: learner } });

describe("what the quiz and review pages read, and what their Start buttons write", () => {
  it("shows nothing until a start, resumes the open attempt, then the latest submitted one", async () => {
    expect(await findCurrentQuizAttempt(t.db, learner, "sample")).toBeNull();
    expect(await findOpenReview(t.db, learner)).toBeNull();
    expect(await attempts()).toBe(0);

    const { attemptId } = await resumeOrStartQuizAttempt(t.db, learner, "sample");
    // A second "Start quiz" (a double click, a second tab) resumes the same attempt.
    expect(await resumeOrStartQuizAttempt(t.db, learner, "sample")).toEqual({ attemptId });
    expect(await attempts()).toBe(1);
    expect(await findCurrentQuizAttempt(t.db, learner, "sample")).toEqual({ id: attemptId });

    const open = await getAttempt(t.db, learner, attemptId);
    expect(open.result).toBeNull();
    expect(JSON.stringify(open)).not.toMatch(/"(owner|expected)"/);

    const guestOs = open.items.find((i) => i.prompt === "Guest OS")!;
    const graded = await submitAttempt(t.db, learner, attemptId, [
      { itemId: guestOs.id, choice: "AWS" },
    ]);
    const submitted = await getAttempt(t.db, learner, attemptId);
    expect(submitted.status).toBe("submitted");
    // A quiz no assignment started shows its answers at once.
    expect(submitted.result).toEqual({
      ...graded,
      review: { answersShown: true, shownFrom: null },
    });
    expect(await findCurrentQuizAttempt(t.db, learner, "sample")).toEqual({ id: attemptId });

    const { attemptId: retry } = await resumeOrStartQuizAttempt(t.db, learner, "sample");
    expect(retry).not.toBe(attemptId);
    expect(await findCurrentQuizAttempt(t.db, learner, "sample")).toEqual({ id: retry });

    // Both items were missed, so they are due: finding the open review still writes nothing.
    const before = await attempts();
    expect(await findOpenReview(t.db, learner)).toBeNull();
    expect(await attempts()).toBe(before);
    const review = await startReview(t.db, learner);
    expect(await findOpenReview(t.db, learner)).toEqual({ id: review!.attemptId });
  });
});
