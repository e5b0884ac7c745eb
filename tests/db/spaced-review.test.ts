import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESIRED_RETENTION } from "@/lib/quiz/retention";
import { readLearnerRetention } from "@/server/quiz/read-learner-retention";
import { startQuizAttempt } from "@/server/quiz/start-attempt";
import { submitAttempt } from "@/server/quiz/submit-attempt";
import { syncContent } from "@/server/quiz/sync-content";
import { createTeam } from "@/server/teams/create-team";
import { getDesiredRetention, setDesiredRetention } from "@/server/teams/desired-retention";
import { getLearnerHistory } from "@/server/teams/get-learner-history";
import { joinTeam } from "@/server/teams/join-team";
import { expectHttp } from "../support/expect-http";
import { netNote } from "../support/net-note";
import { peopleOf } from "../support/people";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const { people, person } = peopleOf(() => t.db);

beforeAll(async () => {
  t = await createTestDatabase();
  await syncContent(t.db, [netNote()]);
  for (const name of ["strict", "loose", "solo", "carl"]) await person(name);
  await person("teacher", "INSTRUCTOR");
});

afterAll(async () => {
  await t.drop();
});

/** One quiz on the net note: Edge called `edge`, Firewall right, both said sure. */
async function takeQuiz(who: string, edge: "AWS" | "CUSTOMER", at = new Date()) {
  const { attemptId, items } = await startQuizAttempt(t.db, people[who].id, "net");
  const choice = (prompt: string) => (prompt === "Edge" ? edge : "CUSTOMER");
  await submitAttempt(
    t.db,
    people[who].id,
    attemptId,
    items.map((i) => ({ itemId: i.id, choice: choice(i.prompt), confidence: "sure" })),
    at,
  );
}

describe("desired retention", () => {
  it("is set by the team's instructors only, within bounds checked at the edge", async () => {
    const team = await createTeam(t.db, people.teacher, "Strict");
    expect(await getDesiredRetention(t.db, people.teacher, team.id)).toBe(0.9);
    await setDesiredRetention(t.db, people.teacher, team.id, DESIRED_RETENTION.max);
    expect(await getDesiredRetention(t.db, people.teacher, team.id)).toBe(0.97);
    await joinTeam(t.db, people.strict, team.inviteCode);
    await expectHttp(setDesiredRetention(t.db, people.strict, team.id, 0.7), 403);
    await expectHttp(getDesiredRetention(t.db, people.strict, team.id), 403);
  });

  it("schedules a member of a 0.97 team sooner than a learner in no team, after the same answer", async () => {
    const at = new Date("2026-03-01T10:00:00Z");
    await takeQuiz("strict", "AWS", at);
    await takeQuiz("solo", "AWS", at);
    const due = async (who: string) =>
      (
        await t.db.reviewCard.findFirstOrThrow({
          where: { userId: people[who].id, item: { prompt: "Edge" } },
        })
      ).due.getTime();
    expect(await readLearnerRetention(t.db, people.solo.id)).toBe(DESIRED_RETENTION.default);
    expect(await due("strict")).toBeGreaterThan(at.getTime());
    expect(await due("strict")).toBeLessThan(await due("solo"));
  });

  it("follows the most demanding of a learner's teams, and not a team they teach", async () => {
    const loose = await createTeam(t.db, people.teacher, "Loose");
    await setDesiredRetention(t.db, people.teacher, loose.id, DESIRED_RETENTION.min);
    await joinTeam(t.db, people.loose, loose.inviteCode);
    expect(await readLearnerRetention(t.db, people.loose.id)).toBe(0.7);
    await joinTeam(t.db, people.strict, loose.inviteCode);
    expect(await readLearnerRetention(t.db, people.strict.id)).toBe(0.97);
    // The instructor's own membership is not a learner's.
    expect(await readLearnerRetention(t.db, people.teacher.id)).toBe(DESIRED_RETENTION.default);
  });
});

describe("leeches", () => {
  it("marks an item failed four times, not three, on the learner drill-down", async () => {
    const team = await createTeam(t.db, people.teacher, "Leeches");
    await joinTeam(t.db, people.carl, team.inviteCode);
    const history = () => getLearnerHistory(t.db, people.teacher, team.id, people.carl.id);

    for (let i = 0; i < 3; i++) await takeQuiz("carl", "CUSTOMER");
    // Right answers between the failures do not wash them out.
    await takeQuiz("carl", "AWS");
    expect((await history()).leeches).toEqual([]);

    await takeQuiz("carl", "CUSTOMER");
    const edge = await t.db.item.findFirstOrThrow({ where: { prompt: "Edge" } });
    expect((await history()).leeches).toEqual([
      { itemId: edge.id, label: "Edge", noteSlug: "net", failures: 4 },
    ]);
  });
});
