import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseNote } from "@/lib/content/parse-note";
import type { CurrentUser } from "@/lib/contracts/session";
import { exportMyData } from "@/server/account/export-my-data";
import { getMyAssignment } from "@/server/assignments/get-my-assignment";
import { listMyAssignments } from "@/server/assignments/list-assignments";
import { startAssignmentPractice } from "@/server/assignments/start-assignment-practice";
import { getProgress } from "@/server/progress/get-progress";
import { getAttempt } from "@/server/quiz/get-attempt";
import { startQuizAttempt } from "@/server/quiz/start-attempt";
import { startReview } from "@/server/quiz/start-review";
import { submitAttempt } from "@/server/quiz/submit-attempt";
import { syncContent } from "@/server/quiz/sync-content";
import { createTeam } from "@/server/teams/create-team";
import { joinTeam } from "@/server/teams/join-team";
import { createPerson } from "../support/people";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let t: TestDatabase;
let teacher: CurrentUser;
let teamId: string;
let inviteCode: string;

/** What tells whether an answer was right: on an answer, on an item version, on a review card. */
const CORRECTNESS = [
  "correct",
  "owner",
  "answerKey",
  "lastCorrect",
  "correctCount",
  "firstCorrect",
  "wrongAws",
  "wrongCustomer",
  "wrongShared",
  "sureWrong",
  "lapses",
  "stability",
  "difficulty",
  "due",
];

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
        "",
      ].join("\n"),
    }),
    parseNote({
      file: "Keys.md",
      source: [
        "## AWS Responsibilities",
        "- **HSM hardware**: AWS runs the hardware security modules.",
        "## Customer Responsibilities",
        "- **Key policy**: You write who may use a key.",
        "",
      ].join("\n"),
    }),
  ]);
  teacher = await createPerson(t.db, "teacher", "INSTRUCTOR");
  const team = await createTeam(t.db, teacher, "Keys team");
  teamId = team.id;
  inviteCode = team.inviteCode;
});

afterAll(async () => {
  await t.drop();
});

async function ownerOf(itemId: string) {
  const item = await t.db.item.findUniqueOrThrow({ where: { id: itemId } });
  return item.owner;
}

/**
 * A learner who quizzed both notes perfectly three days ago (both Proficient), has a notes
 * assignment to master Net, and takes a practice test over both notes under `reviewAnswers`:
 * every Net item right, every Keys item wrong. Unwithheld, that makes Net Mastered (which finishes
 * the notes assignment) and drops Keys to Familiar: per-note results that the score (3 of 5) does
 * not give away.
 */
async function takeWithheldTest(name: string, reviewAnswers: "AFTER_DUE" | "NEVER") {
  const now = new Date();
  const learner = await createPerson(t.db, name);
  await joinTeam(t.db, learner, inviteCode);
  for (const slug of ["net", "keys"]) {
    const { attemptId, items } = await startQuizAttempt(t.db, learner.id, slug);
    const answers = [];
    for (const item of items) answers.push({ itemId: item.id, choice: await ownerOf(item.id) });
    await submitAttempt(t.db, learner.id, attemptId, answers, new Date(now.getTime() - 3 * DAY));
  }
  const dueAt = new Date(now.getTime() + DAY);
  const notes = await t.db.assignment.create({
    data: {
      teamId,
      kind: "NOTES",
      title: `Master Net (${name})`,
      targetLevel: 4,
      dueAt: new Date(now.getTime() + 7 * DAY),
      notes: { create: [{ noteSlug: "net", position: 0 }] },
    },
  });
  const practice = await t.db.assignment.create({
    data: {
      teamId,
      kind: "PRACTICE",
      title: `Net and Keys (${name})`,
      size: 5,
      attemptsAllowed: 1,
      reviewAnswers,
      dueAt,
      notes: {
        create: [
          { noteSlug: "net", position: 0 },
          { noteSlug: "keys", position: 1 },
        ],
      },
    },
  });
  const { attemptId } = await startAssignmentPractice(t.db, learner.id, practice.id, now);
  const { items } = await getAttempt(t.db, learner.id, attemptId);
  const answers = [];
  for (const item of items) {
    const owner = await ownerOf(item.id);
    const right =
      (await t.db.item.findUniqueOrThrow({ where: { id: item.id } })).noteSlug === "net";
    const choice = right ? owner : owner === "AWS" ? "CUSTOMER" : "AWS";
    answers.push({ itemId: item.id, choice, confidence: "sure" as const });
  }
  const grade = await submitAttempt(t.db, learner.id, attemptId, answers, now);
  expect(grade.score).toEqual({ correct: 3, total: 5 });
  const stored = await t.db.noteProgress.findMany({
    where: { userId: learner.id },
    orderBy: { noteSlug: "asc" },
  });
  expect(stored.map((p) => [p.noteSlug, p.level])).toEqual([
    ["keys", 2],
    ["net", 4],
  ]);
  return {
    learner,
    attemptId,
    itemIds: items.map((i) => i.id),
    notesAssignment: notes.id,
    dueAt,
    now,
  };
}

/** What a learner can read about the test's items and notes, at `at`, wherever it shows. */
async function whatTheLearnerSees(test: Awaited<ReturnType<typeof takeWithheldTest>>, at: Date) {
  const data = await exportMyData(t.db, test.learner.id, at);
  const items = new Set(test.itemIds);
  const leaks: string[] = [];
  const attempt = data.attempts.find((a) => a.id === test.attemptId)!;
  for (const answer of attempt.answers) {
    for (const key of CORRECTNESS) if (key in answer) leaks.push(`answer.${key}`);
    for (const key of CORRECTNESS) if (key in answer.itemVersion) leaks.push(`itemVersion.${key}`);
  }
  for (const card of data.reviewCards.filter((c) => items.has(c.itemId)))
    for (const key of CORRECTNESS) if (key in card) leaks.push(`reviewCard.${key}`);
  const level = (rows: Array<{ noteSlug: string; level: number | string }>, slug: string) =>
    rows.find((r) => r.noteSlug === slug)?.level;
  const progress = await getProgress(t.db, test.learner.id, at);
  const mine = await listMyAssignments(t.db, test.learner.id, at);
  const detail = await getMyAssignment(t.db, test.learner.id, test.notesAssignment, at);
  return {
    leaks,
    exportedAnswers: attempt.answers,
    exportLevels: [level(data.noteProgress, "net"), level(data.noteProgress, "keys")],
    masteryEventsAtTest: data.masteryHistory.filter(
      (e) => new Date(e.at).getTime() === test.now.getTime(),
    ).length,
    progressLevels: [level(progress.mastery, "net"), level(progress.mastery, "keys")],
    notesAssignment: mine.find((a) => a.id === test.notesAssignment)?.status,
    detailLevel: detail.notes[0].level,
  };
}

describe("answers withheld by an assignment's review options", () => {
  it("[EXPORT] a never test's correctness shows nowhere: export, progress, mastery and assignments", async () => {
    const test = await takeWithheldTest("nell", "NEVER");
    const farFuture = new Date(test.dueAt.getTime() + 365 * DAY);
    for (const at of [test.now, farFuture]) {
      const seen = await whatTheLearnerSees(test, at);
      console.log(
        `never, ${at === test.now ? "at once" : "a year after due"}: ` +
          `correctness fields ${seen.leaks.length}, mastery shown ${seen.progressLevels.join("/")}, ` +
          `notes assignment ${seen.notesAssignment}`,
      );
      expect(seen.leaks).toEqual([]);
      // The learner's own answers stay theirs: what they chose and how sure they were.
      expect(seen.exportedAnswers).toHaveLength(5);
      for (const answer of seen.exportedAnswers) {
        expect(answer.choice).toMatch(/^(AWS|CUSTOMER)$/);
        expect(answer).toMatchObject({ confidence: "SURE" });
      }
      // Mastery stands where it stood before the test: Proficient on both notes.
      expect(seen.exportLevels).toEqual([3, 3]);
      expect(seen.masteryEventsAtTest).toBe(0);
      expect(seen.progressLevels).toEqual(["proficient", "proficient"]);
      expect(seen.detailLevel).toBe("proficient");
      expect(seen.notesAssignment).not.toBe("done");
    }
    // Until the due date the test's items stay out of /review, which would show their answers.
    expect(await startReview(t.db, test.learner.id, test.now)).toBeNull();
  });

  it("[EXPORT] an after-due test's correctness shows once the learner's due date has passed", async () => {
    const test = await takeWithheldTest("abe", "AFTER_DUE");
    const before = await whatTheLearnerSees(test, test.now);
    expect(before.leaks).toEqual([]);
    expect(before.progressLevels).toEqual(["proficient", "proficient"]);
    expect(before.notesAssignment).toBe("in_progress");

    const after = await whatTheLearnerSees(test, new Date(test.dueAt.getTime() + HOUR));
    console.log(
      `after due, once past it: correctness fields ${after.leaks.length}, ` +
        `mastery shown ${after.progressLevels.join("/")}, notes assignment ${after.notesAssignment}`,
    );
    expect(after.leaks).toContain("answer.correct");
    expect(after.leaks).toContain("reviewCard.lastCorrect");
    expect(after.exportLevels).toEqual([4, 2]);
    expect(after.masteryEventsAtTest).toBe(2);
    expect(after.progressLevels).toEqual(["mastered", "familiar"]);
    expect(after.detailLevel).toBe("mastered");
    expect(after.notesAssignment).toBe("done");
  });
});
