import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseNote } from "@/lib/content/parse-note";
import type { CreateAssignment } from "@/lib/validation/assignments";
import { exportAssignmentCsv } from "@/server/assignments/export-assignment-csv";
import { getMyAssignment } from "@/server/assignments/get-my-assignment";
import { listMyAssignments, listTeamAssignments } from "@/server/assignments/list-assignments";
import {
  createAssignment,
  deleteAssignment,
  removeExtension,
  setExtension,
  updateAssignment,
} from "@/server/assignments/manage-assignments";
import { startAssignmentPractice } from "@/server/assignments/start-assignment-practice";
import { startQuizAttempt } from "@/server/quiz/start-attempt";
import { submitAttempt, submitExpiredAttempts } from "@/server/quiz/submit-attempt";
import { syncContent } from "@/server/quiz/sync-content";
import { createTeam } from "@/server/teams/create-team";
import { joinTeam } from "@/server/teams/join-team";
import { expectHttp } from "../support/expect-http";
import { netNote } from "../support/net-note";
import { peopleOf } from "../support/people";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let t: TestDatabase;
const { people, person } = peopleOf(() => t.db);
let teamId = "";
const now = new Date();
const later = (ms: number) => new Date(now.getTime() + ms);

/** Takes the note's quiz, answering every item right or every item wrong. */
async function takeQuiz(who: string, slug: string, right: boolean, at = now) {
  const { attemptId } = await startQuizAttempt(t.db, people[who].id, slug);
  await answerAttempt(who, attemptId, right, at);
}

async function answerAttempt(who: string, attemptId: string, right: boolean, at = now) {
  const answers = await t.db.answer.findMany({
    where: { attemptId },
    select: { itemId: true, item: { select: { owner: true } } },
  });
  await submitAttempt(
    t.db,
    people[who].id,
    attemptId,
    answers.map((a) => ({
      itemId: a.itemId,
      choice: right ? a.item.owner : a.item.owner === "AWS" ? "CUSTOMER" : "AWS",
    })),
    at,
  );
}

const notesInput = (extra: Partial<CreateAssignment> = {}): CreateAssignment =>
  ({
    kind: "notes",
    noteSlugs: ["net"],
    targetMastery: "PROFICIENT",
    dueAt: later(DAY),
    ...extra,
  }) as CreateAssignment;

const practiceInput = (extra: Partial<CreateAssignment> = {}): CreateAssignment =>
  ({
    kind: "practice",
    noteSlugs: ["net", "store"],
    size: 3,
    attemptsAllowed: 2,
    dueAt: later(DAY),
    ...extra,
  }) as CreateAssignment;

const statusOf = async (who: string, assignmentId: string, at = now) =>
  (await listMyAssignments(t.db, people[who].id, at)).find((a) => a.id === assignmentId)?.status;

beforeAll(async () => {
  t = await createTestDatabase();
  await syncContent(t.db, [
    netNote(),
    parseNote({
      file: "Store.md",
      source:
        "## AWS Responsibilities\n- **Disks**: AWS runs them.\n## Customer Responsibilities\n- **Keys**: You keep them.\n",
    }),
  ]);
  await person("teacher", "INSTRUCTOR");
  await person("other", "INSTRUCTOR");
  await person("root", "ADMIN");
  for (const name of ["ada", "bob", "cy", "outsider"]) await person(name);
  const team = await createTeam(t.db, people.teacher, "Net team");
  teamId = team.id;
  for (const name of ["ada", "bob", "cy"]) await joinTeam(t.db, people[name], team.inviteCode);
});

afterAll(async () => {
  await t.drop();
});

describe("assignment lifecycle", () => {
  it("is set, listed, worked, done for good, edited and deleted without losing work", async () => {
    const notes = await createAssignment(t.db, people.teacher, teamId, notesInput());
    const practice = await createAssignment(t.db, people.teacher, teamId, practiceInput());

    const team = await listTeamAssignments(t.db, people.teacher, teamId, now);
    expect(team.map((a) => [a.title, a.kind, a.targetMastery, a.noteSlugs])).toEqual(
      expect.arrayContaining([
        ["Net — Proficient", "notes", "PROFICIENT", ["net"]],
        ["Practice test: Net, Store (3 questions)", "practice", null, ["net", "store"]],
      ]),
    );
    expect(team.find((a) => a.id === notes.id)?.counts).toEqual({
      not_started: 3,
      in_progress: 0,
      done: 0,
      overdue: 0,
    });
    expect(await listMyAssignments(t.db, people.ada.id, now)).toEqual(
      expect.arrayContaining([
        {
          id: notes.id,
          teamId,
          kind: "notes",
          title: "Net — Proficient",
          dueAt: later(DAY).toISOString(),
          status: "not_started",
          href: "/quiz/net",
          extended: false,
        },
        expect.objectContaining({ id: practice.id, href: `/assignments/${practice.id}` }),
      ]),
    );

    // A perfect quiz makes Net Proficient: the assignment is done, and the completion recorded.
    await takeQuiz("ada", "net", true);
    await takeQuiz("bob", "net", false);
    expect(await statusOf("ada", notes.id)).toBe("done");
    expect(await statusOf("bob", notes.id)).toBe("in_progress");
    // A wrong retake drops Net below Proficient; the assignment stays done.
    await takeQuiz("ada", "net", false, later(HOUR));
    expect(
      (await t.db.noteProgress.findFirstOrThrow({ where: { userId: people.ada.id } })).level,
    ).toBeLessThan(3);
    expect(await statusOf("ada", notes.id)).toBe("done");

    // The practice test: started once, resumed, then submitted.
    const first = await startAssignmentPractice(t.db, people.ada.id, practice.id, now);
    expect(await startAssignmentPractice(t.db, people.ada.id, practice.id, now)).toEqual(first);
    expect(await statusOf("ada", practice.id)).toBe("in_progress");
    const attempt = await t.db.attempt.findUniqueOrThrow({ where: { id: first.attemptId } });
    expect([attempt.assignmentId, attempt.kind, attempt.total]).toEqual([
      practice.id,
      "PRACTICE",
      3,
    ]);
    await answerAttempt("ada", first.attemptId, true);
    expect(await statusOf("ada", practice.id)).toBe("done");
    const detail = await getMyAssignment(t.db, people.ada.id, practice.id, now);
    expect(detail).toMatchObject({
      teamName: "Net team",
      attemptsAllowed: 2,
      attemptsUsed: 1,
      size: 3,
      reviewAnswers: "immediately",
      attempts: [{ id: first.attemptId, status: "submitted", correct: 3, total: 3 }],
    });
    expect(detail.notes.map((n) => [n.slug, n.title])).toEqual([
      ["net", "Net"],
      ["store", "Store"],
    ]);

    // Editing keeps the completions and attempts, and a made title follows the new target.
    const edited = await updateAssignment(
      t.db,
      people.teacher,
      teamId,
      notes.id,
      { targetMastery: "MASTERED", dueAt: later(2 * DAY), noteSlugs: ["net", "store"] },
      now,
    );
    expect(edited).toMatchObject({
      title: "Net, Store — Mastered",
      targetMastery: "MASTERED",
      dueAt: later(2 * DAY).toISOString(),
      counts: { done: 1, in_progress: 1, not_started: 1, overdue: 0 },
    });
    expect(edited.learners.find((l) => l.name === "ada")?.completedAt).toBe(now.toISOString());
    const renamed = await updateAssignment(
      t.db,
      people.teacher,
      teamId,
      practice.id,
      { title: "Mock exam", attemptsAllowed: 1, reviewAnswers: "after_due" },
      now,
    );
    expect(renamed).toMatchObject({
      title: "Mock exam",
      attemptsAllowed: 1,
      reviewAnswers: "after_due",
    });
    expect(renamed.learners.find((l) => l.name === "ada")).toMatchObject({
      status: "done",
      attempts: 1,
      bestScore: 100,
    });

    const csv = await exportAssignmentCsv(t.db, people.teacher, teamId, practice.id, now);
    expect(csv.filename).toBe("Net-team-Mock-exam.csv");
    expect(csv.body.split("\r\n").slice(0, 3)).toEqual([
      "\uFEFFlearner,email,status,due_at,extended,completed_at,attempts,best_score",
      `ada,ada@example.com,done,${later(DAY).toISOString()},no,${now.toISOString()},1,100`,
      `bob,bob@example.com,not_started,${later(DAY).toISOString()},no,,0,`,
    ]);

    // Deleting hides it everywhere and keeps its attempts.
    await deleteAssignment(t.db, people.teacher, teamId, practice.id);
    expect((await listTeamAssignments(t.db, people.teacher, teamId, now)).map((a) => a.id)).toEqual(
      [notes.id],
    );
    expect((await listMyAssignments(t.db, people.ada.id, now)).map((a) => a.id)).toEqual([
      notes.id,
    ]);
    expect(await t.db.attempt.count({ where: { assignmentId: practice.id } })).toBe(1);
    await expectHttp(getMyAssignment(t.db, people.ada.id, practice.id, now), 404);
    await expectHttp(startAssignmentPractice(t.db, people.ada.id, practice.id, now), 404);
    await expectHttp(deleteAssignment(t.db, people.teacher, teamId, practice.id), 404);
    await expectHttp(
      updateAssignment(t.db, people.teacher, teamId, practice.id, { size: 4 }, now),
      404,
    );
    await deleteAssignment(t.db, people.teacher, teamId, notes.id);
  });

  it("counts a learner already at the target as done", async () => {
    const { id } = await createAssignment(
      t.db,
      people.teacher,
      teamId,
      notesInput({ targetMastery: "FAMILIAR", noteSlugs: ["net"] }),
    );
    await takeQuiz("cy", "net", true);
    expect(await statusOf("cy", id)).toBe("done");
    await deleteAssignment(t.db, people.teacher, teamId, id);
  });

  it("records a timed practice test submitted by the server's sweep as done", async () => {
    const { id } = await createAssignment(
      t.db,
      people.teacher,
      teamId,
      practiceInput({ timeLimitMinutes: 5 }),
    );
    const { attemptId } = await startAssignmentPractice(t.db, people.cy.id, id, now);
    expect(await submitExpiredAttempts(t.db, later(10 * 60_000))).toBe(1);
    expect(await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({
      status: "SUBMITTED",
    });
    expect(await statusOf("cy", id)).toBe("done");
    await deleteAssignment(t.db, people.teacher, teamId, id);
  });
});

describe("extensions", () => {
  it("moves one learner's due date, so that they are not overdue while the others are", async () => {
    const { id } = await createAssignment(
      t.db,
      people.teacher,
      teamId,
      notesInput({ noteSlugs: ["store"] }),
    );
    const afterDue = later(DAY + HOUR);
    expect(await statusOf("bob", id, afterDue)).toBe("overdue");

    const granted = await setExtension(
      t.db,
      people.teacher,
      teamId,
      id,
      people.bob.id,
      later(3 * DAY),
    );
    expect(granted).toEqual({
      assignmentId: id,
      userId: people.bob.id,
      dueAt: later(3 * DAY).toISOString(),
    });
    const mine = (await listMyAssignments(t.db, people.bob.id, afterDue)).find((a) => a.id === id);
    expect(mine).toMatchObject({
      status: "not_started",
      extended: true,
      dueAt: later(3 * DAY).toISOString(),
    });
    expect(await statusOf("ada", id, afterDue)).toBe("overdue");
    const [team] = await listTeamAssignments(t.db, people.teacher, teamId, afterDue);
    expect(team.counts).toEqual({ not_started: 1, in_progress: 0, done: 0, overdue: 2 });

    await expectHttp(
      setExtension(t.db, people.teacher, teamId, id, people.outsider.id, later(3 * DAY)),
      404,
    );
    await expectHttp(
      setExtension(t.db, people.teacher, teamId, id, people.teacher.id, later(3 * DAY)),
      404,
    );
    await expectHttp(
      setExtension(t.db, people.ada, teamId, id, people.ada.id, later(3 * DAY)),
      403,
    );

    await removeExtension(t.db, people.teacher, teamId, id, people.bob.id);
    expect(await statusOf("bob", id, afterDue)).toBe("overdue");
    await expectHttp(removeExtension(t.db, people.teacher, teamId, id, people.bob.id), 404);
    await deleteAssignment(t.db, people.teacher, teamId, id);
  });
});

describe("open dates and attempts", () => {
  it("hides an assignment from its learners until it opens, and refuses to start it", async () => {
    const { id } = await createAssignment(
      t.db,
      people.teacher,
      teamId,
      practiceInput({ opensAt: later(DAY), dueAt: later(2 * DAY) }),
    );
    expect(await statusOf("ada", id)).toBeUndefined();
    await expectHttp(getMyAssignment(t.db, people.ada.id, id, now), 404);
    const refused = await expectHttp(startAssignmentPractice(t.db, people.ada.id, id, now), 409);
    expect(refused.code).toBe("not_open");
    const team = await listTeamAssignments(t.db, people.teacher, teamId, now);
    expect(team.find((a) => a.id === id)?.opensAt).toBe(later(DAY).toISOString());

    expect(await statusOf("ada", id, later(DAY))).toBe("not_started");
    await deleteAssignment(t.db, people.teacher, teamId, id);
  });

  it("allows the attempts set, late ones included, and no more", async () => {
    const { id } = await createAssignment(
      t.db,
      people.teacher,
      teamId,
      practiceInput({ attemptsAllowed: 1 }),
    );
    const late = later(2 * DAY);
    const { attemptId } = await startAssignmentPractice(t.db, people.bob.id, id, late);
    expect(await statusOf("bob", id, late)).toBe("overdue");
    await answerAttempt("bob", attemptId, false, late);
    expect(await statusOf("bob", id, late)).toBe("done");
    const refused = await expectHttp(startAssignmentPractice(t.db, people.bob.id, id, late), 409);
    expect(refused.code).toBe("no_attempts_left");

    const notes = await createAssignment(t.db, people.teacher, teamId, notesInput());
    const wrongKind = await expectHttp(
      startAssignmentPractice(t.db, people.bob.id, notes.id, now),
      409,
    );
    expect(wrongKind.code).toBe("not_practice");
    for (const assignment of [id, notes.id])
      await deleteAssignment(t.db, people.teacher, teamId, assignment);
  });

  it("lets two starts at once take one attempt, the last one allowed", async () => {
    const { id } = await createAssignment(
      t.db,
      people.teacher,
      teamId,
      practiceInput({ attemptsAllowed: 1 }),
    );
    const starts = await Promise.all(
      Array.from({ length: 4 }, () => startAssignmentPractice(t.db, people.cy.id, id, now)),
    );
    const ids = new Set(starts.map((s) => s.attemptId));
    expect(ids.size).toBe(1);
    expect(await t.db.attempt.count({ where: { assignmentId: id } })).toBe(1);
    await deleteAssignment(t.db, people.teacher, teamId, id);
  });
});

describe("validation and authorization", () => {
  it("refuses unknown lessons, the other kind's fields and an open date after the due date", async () => {
    const unknown = await expectHttp(
      createAssignment(t.db, people.teacher, teamId, notesInput({ noteSlugs: ["net", "nope"] })),
      422,
    );
    expect(unknown.fields).toEqual({ noteSlugs: ["There is no lesson nope"] });

    const { id } = await createAssignment(t.db, people.teacher, teamId, notesInput());
    const otherKind = await expectHttp(
      updateAssignment(t.db, people.teacher, teamId, id, { size: 5 }, now),
      422,
    );
    expect(Object.keys(otherKind.fields ?? {})).toEqual(["size"]);
    const opensLate = await expectHttp(
      updateAssignment(t.db, people.teacher, teamId, id, { opensAt: later(2 * DAY) }, now),
      422,
    );
    expect(Object.keys(opensLate.fields ?? {})).toEqual(["opensAt"]);
    await deleteAssignment(t.db, people.teacher, teamId, id);
  });

  it("lets the team's instructors and admins manage, and nobody else", async () => {
    for (const actor of [people.ada, people.other]) {
      await expectHttp(createAssignment(t.db, actor, teamId, notesInput()), 403);
      await expectHttp(listTeamAssignments(t.db, actor, teamId, now), 403);
    }
    await expectHttp(createAssignment(t.db, people.teacher, "no-such-team", notesInput()), 404);
    const { id } = await createAssignment(t.db, people.root, teamId, notesInput());
    await expectHttp(deleteAssignment(t.db, people.ada, teamId, id), 403);

    // An assignment is reached through its own team only.
    const otherTeam = await createTeam(t.db, people.other, "Other team");
    await expectHttp(deleteAssignment(t.db, people.other, otherTeam.id, id), 404);
    await expectHttp(
      updateAssignment(t.db, people.other, otherTeam.id, id, { dueAt: later(DAY) }, now),
      404,
    );
    await deleteAssignment(t.db, people.teacher, teamId, id);
  });
});
