import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseNote } from "@/lib/content/parse-note";
import { changeRole } from "@/server/admin/change-role";
import { HttpError } from "@/server/http/errors";
import { startQuizAttempt } from "@/server/quiz/start-attempt";
import { submitAttempt } from "@/server/quiz/submit-attempt";
import { syncContent } from "@/server/quiz/sync-content";
import { createTeam } from "@/server/teams/create-team";
import { exportTeamCsv } from "@/server/teams/export-team-csv";
import { getLearnerHistory } from "@/server/teams/get-learner-history";
import { getMasteryHistory } from "@/server/teams/get-mastery-history";
import { getTeamProgress } from "@/server/teams/get-team-progress";
import { getProgress } from "@/server/progress/get-progress";
import { markRead } from "@/server/progress/mark-read";
import { isOverdue, OVERDUE_AFTER_DAYS } from "@/server/teams/overdue";
import { joinTeam } from "@/server/teams/join-team";
import { removeMember } from "@/server/teams/manage-team";
import { netNote } from "../support/net-note";
import { peopleOf } from "../support/people";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const { people, person } = peopleOf(() => t.db);

beforeAll(async () => {
  t = await createTestDatabase();
  await syncContent(t.db, [
    netNote(),
    // A lesson with no quiz, as Service Models Compared: it counts as read, but has no grid column.
    parseNote({ file: "Reading.md", source: "## Background\nJust prose, nothing to sort.\n" }),
  ]);
  await person("teacher", "INSTRUCTOR");
  await person("ada");
  await person("bob");
  await person("root", "ADMIN");
});

afterAll(async () => {
  await t.drop();
});

describe("team progress", () => {
  it("aggregates mastery, scores and the most common wrong owner per item", async () => {
    const team = await createTeam(t.db, people.teacher, "Net team");
    await joinTeam(t.db, people.ada, team.inviteCode);
    await joinTeam(t.db, people.bob, team.inviteCode.toLowerCase());
    await joinTeam(t.db, people.bob, team.inviteCode);

    const day = 86_400_000;
    const t0 = new Date(Date.now() - 3 * day);
    for (const [who, choices, at] of [
      ["ada", { Edge: "AWS", Firewall: "AWS" }, t0],
      ["bob", { Edge: "AWS", Firewall: "CUSTOMER" }, t0],
      ["ada", { Edge: "AWS", Firewall: "CUSTOMER" }, new Date(t0.getTime() + day)],
    ] as const) {
      const { attemptId, items } = await startQuizAttempt(t.db, people[who].id, "net");
      await submitAttempt(
        t.db,
        people[who].id,
        attemptId,
        items.map((i) => ({ itemId: i.id, choice: choices[i.prompt as "Edge" | "Firewall"] })),
        at,
      );
    }

    const progress = await getTeamProgress(t.db, people.teacher, team.id);
    expect(progress.learners.map((l) => [l.name, l.quizzes[0], l.mastery[0].level])).toEqual([
      ["ada", { slug: "net", attempts: 2, bestScore: 100 }, "proficient"],
      ["bob", { slug: "net", attempts: 1, bestScore: 100 }, "proficient"],
    ]);
    expect(
      progress.items.map((i) => [
        i.prompt,
        i.attempts,
        i.correctRate,
        i.commonWrongChoice,
        i.commonWrongRate,
      ]),
    ).toEqual([
      ["Firewall", 3, 2 / 3, "AWS", 1 / 3],
      ["Edge", 3, 1, null, 0],
    ]);
    expect(progress.completion).toBe(1);

    const history = await getMasteryHistory(t.db, people.teacher, team.id, 5);
    expect(history.map((p) => p.proficientShare)).toEqual([0, 0.5, 1, 1, 1]);

    const drill = await getLearnerHistory(t.db, people.teacher, team.id, people.ada.id);
    expect(drill.attempts).toHaveLength(2);
    expect(drill.attempts[1].answers.find((a) => a.prompt === "Firewall")).toEqual({
      itemId: expect.any(String),
      prompt: "Firewall",
      choice: "AWS",
      expected: "CUSTOMER",
      correct: false,
      kind: "assign",
      label: "Firewall",
      option: null,
      expectedOption: null,
      confidence: null,
    });

    const { body } = await exportTeamCsv(t.db, people.teacher, team.id);
    expect(body.split("\r\n")[1]).toMatch(/^ada,ada@example\.com,net,Net,Proficient,100,2,\d{4}-/);

    for (const outsider of [people.ada, people.bob]) {
      await expect(getTeamProgress(t.db, outsider, team.id)).rejects.toMatchObject({ status: 403 });
    }
    await expect(
      getLearnerHistory(t.db, people.teacher, team.id, people.root.id),
    ).rejects.toMatchObject({ status: 404 });
    expect((await getTeamProgress(t.db, people.root, team.id)).learners).toHaveLength(2);
  });
});

describe("lessons read, reviews due and overdue", () => {
  const day = 86_400_000;

  it("counts reads of every current lesson, quiz or not, alike on the dashboard, /progress and the CSV", async () => {
    const team = await createTeam(t.db, people.teacher, "Readers");
    const dee = await person("dee");
    await joinTeam(t.db, dee, team.inviteCode);
    await markRead(t.db, dee.id, "net", true);
    await markRead(t.db, dee.id, "reading", true);
    // A read of a note since retired counts nowhere: it is no longer a lesson.
    await t.db.note.create({ data: { slug: "old", title: "Old", retiredAt: new Date() } });
    await t.db.noteProgress.create({
      data: { userId: dee.id, noteSlug: "old", readAt: new Date() },
    });

    const progress = await getTeamProgress(t.db, people.teacher, team.id);
    expect(progress.lessonCount).toBe(2);
    expect(progress.notes.map((n) => n.slug)).toEqual(["net"]);
    expect(progress.learners[0]).toMatchObject({ name: "dee", lessonsRead: 2 });
    const own = await getProgress(t.db, dee.id);
    expect([own.lessonsRead, own.lessons.length]).toEqual([2, 2]);

    const { body } = await exportTeamCsv(t.db, people.teacher, team.id);
    expect(body.startsWith("\uFEFF")).toBe(true);
    const [header, row] = body.slice(1).split("\r\n");
    // The kind and sure-but-wrong columns come after these (team-item-kinds.test.ts).
    expect(header.split(",").slice(8, 12)).toEqual([
      "lessons_read",
      "lessons_total",
      "reviews_due",
      "overdue",
    ]);
    expect(row).toMatch(/^dee,dee@example\.com,net,Net,Not started,,0,,2,2,0,no,/);
  });

  it("calls a learner overdue once a review has waited more than a week, and says so in the drill-down", async () => {
    expect(OVERDUE_AFTER_DAYS).toBe(7);
    const now = new Date();
    expect(isOverdue(null, now)).toBe(false);
    expect(isOverdue(new Date(now.getTime() - 7 * day), now)).toBe(false);
    expect(isOverdue(new Date(now.getTime() - 7 * day - 1), now)).toBe(true);

    const team = await createTeam(t.db, people.teacher, "Late reviewers");
    const eve = await person("eve");
    await joinTeam(t.db, eve, team.inviteCode);
    const quizAt = new Date(now.getTime() - 9 * day);
    const { attemptId, items } = await startQuizAttempt(t.db, eve.id, "net");
    await submitAttempt(
      t.db,
      eve.id,
      attemptId,
      items.map((i) => ({ itemId: i.id, choice: "SHARED" as const })),
      quizAt,
    );
    // Both answers were wrong, so both cards fell due at once: due, but not yet overdue, a day later.
    const dayAfter = await getTeamProgress(
      t.db,
      people.teacher,
      team.id,
      new Date(quizAt.getTime() + day),
    );
    expect(dayAfter.learners[0]).toMatchObject({
      reviewsDue: 2,
      oldestDueAt: quizAt.toISOString(),
      overdue: false,
    });
    const today = await getTeamProgress(t.db, people.teacher, team.id, now);
    expect(today.learners[0]).toMatchObject({ reviewsDue: 2, overdue: true });

    const drill = await getLearnerHistory(t.db, people.teacher, team.id, eve.id, 50, now);
    expect(drill).toMatchObject({
      team: { id: team.id, name: "Late reviewers" },
      overdue: true,
      reviewsDue: 2,
      lessonsRead: 0,
      lessonCount: 2,
    });
    expect(drill.attempts[0]).toMatchObject({ kind: "quiz", noteSlug: "net", noteTitle: "Net" });
    expect(drill.notes).toEqual([
      { slug: "net", title: "Net", level: "attempted", attempts: 1, bestScore: 0, read: false },
    ]);
  });
});

describe("team item aggregates", () => {
  it("count a learner's earlier answers on joining and drop them on removal", async () => {
    const team = await createTeam(t.db, people.teacher, "Late joiners");
    const cy = await person("cy");
    const { attemptId, items } = await startQuizAttempt(t.db, cy.id, "net");
    await submitAttempt(
      t.db,
      cy.id,
      attemptId,
      items.map((i) => ({ itemId: i.id, choice: "SHARED" as const })),
    );
    expect((await getTeamProgress(t.db, people.teacher, team.id)).items).toEqual([]);

    await joinTeam(t.db, cy, team.inviteCode);
    await joinTeam(t.db, cy, team.inviteCode);
    const joined = await getTeamProgress(t.db, people.teacher, team.id);
    expect(joined.items.map((i) => [i.prompt, i.attempts, i.commonWrongChoice])).toEqual([
      ["Edge", 1, "SHARED"],
      ["Firewall", 1, "SHARED"],
    ]);

    await removeMember(t.db, people.teacher, team.id, cy.id);
    expect((await getTeamProgress(t.db, people.teacher, team.id)).items).toEqual([]);
  });
});

describe("roles", () => {
  it("never demotes the last admin", async () => {
    const error = await changeRole(t.db, people.root, people.root.id, "LEARNER").catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(409);
    await expect(changeRole(t.db, people.teacher, people.ada.id, "ADMIN")).rejects.toMatchObject({
      status: 403,
    });
    expect((await changeRole(t.db, people.root, people.ada.id, "INSTRUCTOR")).role).toBe(
      "INSTRUCTOR",
    );
  });
});
