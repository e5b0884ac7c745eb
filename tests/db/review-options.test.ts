import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseNote } from "@/lib/content/parse-note";
import type { Attempt } from "@/lib/contracts/quiz";
import type { CurrentUser } from "@/lib/contracts/session";
import { gradeAsShown, isWithheld } from "@/lib/quiz/review-options";
import { startAssignmentPractice } from "@/server/assignments/start-assignment-practice";
import { exportMyData } from "@/server/account/export-my-data";
import { readAttemptReview } from "@/server/quiz/attempt-review";
import { getAttempt } from "@/server/quiz/get-attempt";
import { submitAttempt } from "@/server/quiz/submit-attempt";
import { syncContent } from "@/server/quiz/sync-content";
import { createTeam } from "@/server/teams/create-team";
import { getLearnerHistory } from "@/server/teams/get-learner-history";
import { joinTeam } from "@/server/teams/join-team";
import { expectHttp } from "../support/expect-http";
import { createPerson } from "../support/people";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let t: TestDatabase;
let teacher: CurrentUser;
let ada: CurrentUser;
let bob: CurrentUser;
let teamId: string;
const dueAt = new Date(Date.now() + DAY);

function person(name: string, role: CurrentUser["role"] = "LEARNER"): Promise<CurrentUser> {
  return createPerson(t.db, name, role);
}

beforeAll(async () => {
  t = await createTestDatabase();
  await syncContent(t.db, [
    parseNote({
      file: "Net.md",
      source: [
        "## AWS Responsibilities",
        "- **Edge**: AWS runs the edge locations.",
        "- **Hosts**: AWS patches the hosts.",
        "## Customer Responsibilities",
        "- **Firewall**: You set the security groups.",
        "- **Data**: You classify your data.",
        "",
      ].join("\n"),
    }),
  ]);
  teacher = await person("teacher", "INSTRUCTOR");
  ada = await person("ada");
  bob = await person("bob");
  const team = await createTeam(t.db, teacher, "Net team");
  teamId = team.id;
  await joinTeam(t.db, ada, team.inviteCode);
});

afterAll(async () => {
  await t.drop();
});

async function practiceAssignment(reviewAnswers: "IMMEDIATELY" | "AFTER_DUE" | "NEVER") {
  return t.db.assignment.create({
    data: {
      teamId,
      kind: "PRACTICE",
      title: `Net practice, ${reviewAnswers}`,
      size: 5,
      attemptsAllowed: 3,
      reviewAnswers,
      dueAt,
      notes: { create: [{ noteSlug: "net", position: 0 }] },
    },
    select: { id: true },
  });
}

/** Ada takes the assignment's test, calling every control AWS's: two of four right. */
async function takeTest(assignmentId: string): Promise<string> {
  const { attemptId } = await startAssignmentPractice(t.db, ada.id, assignmentId, new Date());
  const { items } = await getAttempt(t.db, ada.id, attemptId);
  await submitAttempt(
    t.db,
    ada.id,
    attemptId,
    items.map((item) => ({ itemId: item.id, choice: "AWS", confidence: "sure" })),
  );
  return attemptId;
}

/** Nothing in the attempt tells which answer was right, or what the right one was. */
function expectWithheld(attempt: Attempt) {
  expect(attempt.result?.score).toEqual({ correct: 2, total: 4 });
  expect(attempt.result?.review.answersShown).toBe(false);
  for (const result of attempt.result?.results ?? [])
    expect(result).toEqual({
      itemId: expect.any(String),
      choice: "AWS",
      option: null,
      confidence: "sure",
    });
  expect(attempt.sections).toBeNull();
  expect(attempt.byNote).toBeNull();
  expect(attempt.byKind).toBeNull();
  expect(JSON.stringify(attempt)).not.toMatch(/"expected|explanation|lessonHref|#/);
}

function expectShown(attempt: Attempt) {
  const result = attempt.result;
  expect(result?.review.answersShown).toBe(true);
  const results = result && !isWithheld(result) ? result.results : [];
  expect(results.map((r) => [r.correct, r.expected]).sort()).toEqual([
    [false, "CUSTOMER"],
    [false, "CUSTOMER"],
    [true, "AWS"],
    [true, "AWS"],
  ]);
  expect(attempt.sections).not.toBeNull();
}

describe("review options", () => {
  it("withholds the answers of an after-due test until the learner's due date", async () => {
    const assignment = await practiceAssignment("AFTER_DUE");
    const attemptId = await takeTest(assignment.id);
    const now = new Date();

    const before = await getAttempt(t.db, ada.id, attemptId, now, now);
    expectWithheld(before);
    expect(before.result?.review.shownFrom).toBe(dueAt.toISOString());
    // The submit route's answer goes through the same cut.
    const review = await readAttemptReview(t.db, ada.id, attemptId, now);
    const resubmitted = gradeAsShown(await submitAttempt(t.db, ada.id, attemptId), review);
    expect(resubmitted).toEqual(before.result);

    expectShown(await getAttempt(t.db, ada.id, attemptId, now, new Date(dueAt.getTime() + 1)));
    await expectHttp(readAttemptReview(t.db, bob.id, attemptId, now), 404);

    // A review would show the answers, so the test's cards, the missed ones too, wait for the due date.
    const cards = await t.db.reviewCard.findMany({
      where: { userId: ada.id, item: { answers: { some: { attemptId } } } },
      select: { due: true, lastCorrect: true },
    });
    expect(cards).toHaveLength(4);
    expect(cards.filter((c) => !c.lastCorrect)).toHaveLength(2);
    for (const card of cards) expect(card.due.getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
  });

  it("moves the reveal to the learner's extension, and keeps the rules of a deleted assignment", async () => {
    const assignment = await practiceAssignment("AFTER_DUE");
    const attemptId = await takeTest(assignment.id);
    const extended = new Date(dueAt.getTime() + 2 * DAY);
    await t.db.assignmentExtension.create({
      data: { assignmentId: assignment.id, userId: ada.id, dueAt: extended },
    });
    await t.db.assignment.update({ where: { id: assignment.id }, data: { deletedAt: new Date() } });

    const afterTeamDue = await getAttempt(
      t.db,
      ada.id,
      attemptId,
      new Date(),
      new Date(dueAt.getTime() + DAY),
    );
    expectWithheld(afterTeamDue);
    expect(afterTeamDue.result?.review.shownFrom).toBe(extended.toISOString());
    expectShown(await getAttempt(t.db, ada.id, attemptId, new Date(), extended));
  });

  it("never shows the answers of a never test, and shows an immediately test's at once", async () => {
    const never = await takeTest((await practiceAssignment("NEVER")).id);
    const farFuture = new Date(dueAt.getTime() + 365 * DAY);
    const hidden = await getAttempt(t.db, ada.id, never, new Date(), farFuture);
    expectWithheld(hidden);
    expect(hidden.result?.review.shownFrom).toBeNull();

    const immediately = await takeTest((await practiceAssignment("IMMEDIATELY")).id);
    const shown = await getAttempt(t.db, ada.id, immediately);
    expectShown(shown);
    expect(shown.result?.review).toEqual({ answersShown: true, shownFrom: null });
  });

  it("leaves the right answers out of the learner's export while they are withheld", async () => {
    const attemptId = await takeTest((await practiceAssignment("AFTER_DUE")).id);
    const exported = (at: Date) =>
      exportMyData(t.db, ada.id, at).then((data) => data.attempts.find((a) => a.id === attemptId)!);

    const before = await exported(new Date());
    expect(before.review.answersShown).toBe(false);
    expect(before.answers).toHaveLength(4);
    for (const answer of before.answers) {
      expect(answer.choice).toBe("AWS");
      expect(answer).not.toHaveProperty("correct");
      expect(answer.itemVersion).not.toHaveProperty("owner");
    }

    const after = await exported(new Date(dueAt.getTime() + HOUR));
    expect(after.review.answersShown).toBe(true);
    expect(after.answers.map((a) => "correct" in a && a.correct).sort()).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it("shows the instructor every answer beside what was expected, whatever the review options", async () => {
    const attemptId = await takeTest((await practiceAssignment("NEVER")).id);
    const history = await getLearnerHistory(t.db, teacher, teamId, ada.id);
    const attempt = history.attempts.find((a) => a.attemptId === attemptId)!;
    expect(attempt.kind).toBe("practice");
    expect(attempt.answers.map((a) => a.expected).sort()).toEqual([
      "AWS",
      "AWS",
      "CUSTOMER",
      "CUSTOMER",
    ]);
  });
});
