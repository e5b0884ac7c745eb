import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseNote } from "@/lib/content/parse-note";
import { changeRole } from "@/server/admin/change-role";
import type { CurrentUser } from "@/lib/contracts/session";
import { HttpError } from "@/server/http/errors";
import { startQuizAttempt } from "@/server/quiz/start-attempt";
import { submitAttempt } from "@/server/quiz/submit-attempt";
import { syncContent } from "@/server/quiz/sync-content";
import { createTeam } from "@/server/teams/create-team";
import { exportTeamCsv } from "@/server/teams/export-team-csv";
import { getLearnerHistory } from "@/server/teams/get-learner-history";
import { getMasteryHistory } from "@/server/teams/get-mastery-history";
import { getTeamProgress } from "@/server/teams/get-team-progress";
import { joinTeam } from "@/server/teams/join-team";
import { removeMember } from "@/server/teams/manage-team";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const people: Record<string, CurrentUser> = {};

async function person(name: string, role: CurrentUser["role"] = "LEARNER"): Promise<CurrentUser> {
  const user = await t.db.user.create({
    data: { email: `${name}@example.com`, name, passwordHash: "x", role },
    select: { id: true, name: true, email: true, role: true },
  });
  people[name] = user;
  return user;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await syncContent(t.db, [
    parseNote({
      file: "Net.md",
      source:
        "## AWS Responsibilities\n- **Edge**: AWS runs it.\n## Customer Responsibilities\n- **Firewall**: You set it.\n",
    }),
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
