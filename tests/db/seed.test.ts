import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/contracts/session";
import { MASTERY_LEVELS } from "@/lib/quiz/mastery";
import { loadLibrary } from "@/server/content/load-library";
import { syncContent } from "@/server/quiz/sync-content";
import { DEMO_LEARNERS } from "@/server/seed/demo-learners";
import { DEMO_EMAILS, DEMO_TEAM, findDemoAccounts, seedDemo } from "@/server/seed/seed-demo";
import { exportTeamCsv } from "@/server/teams/export-team-csv";
import { getMasteryHistory } from "@/server/teams/get-mastery-history";
import { getTeamProgress } from "@/server/teams/get-team-progress";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const DAY_MS = 86_400_000;

beforeAll(async () => {
  t = await createTestDatabase();
  // The notes' quiz items, as `npm run db:seed` syncs them before the demo accounts.
  await syncContent(t.db, loadLibrary().notes);
});

afterAll(async () => {
  await t.drop();
});

/** `npm run db:seed` as `npm start` runs it, against the test database. */
function seedScript(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts", ...args], {
    env: { ...process.env, DATABASE_URL: t.url, ...env },
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

async function resetUsersAndTeams() {
  await t.db.team.deleteMany();
  await t.db.user.deleteMany();
  await t.db.seedRecord.deleteMany();
}

describe("the demo seed", () => {
  it("[SEED] never brings back a Demo Team whose invite code an admin rotated, nor a deleted demo account", async () => {
    await resetUsersAndTeams();
    await seedDemo(t.db);
    const team = await t.db.team.findFirstOrThrow({ where: { name: DEMO_TEAM.name } });
    await t.db.team.update({ where: { id: team.id }, data: { inviteCode: "ROTATED-CODE-1" } });
    await t.db.user.delete({ where: { email: "learner@example.com" } });

    await seedDemo(t.db);
    await seedDemo(t.db);

    const teams = await t.db.team.findMany({ where: { name: DEMO_TEAM.name } });
    expect(teams.map((x) => x.inviteCode)).toEqual(["ROTATED-CODE-1"]);
    expect(await findDemoAccounts(t.db)).toEqual(
      expect.not.arrayContaining(["learner@example.com"]),
    );
    expect(await t.db.user.count()).toBe(2 + DEMO_LEARNERS.length);
  });

  it("[SEED] gives the Demo Team one notes assignment, due a week on, and never brings it back once deleted", async () => {
    await resetUsersAndTeams();
    const now = new Date("2026-11-02T09:00:00Z");
    await seedDemo(t.db, now);
    await seedDemo(t.db, now);
    const assignments = await t.db.assignment.findMany({
      where: { team: { name: DEMO_TEAM.name } },
      select: { id: true, kind: true, targetLevel: true, dueAt: true, notes: true },
    });
    expect(assignments).toHaveLength(1);
    expect(assignments[0]).toMatchObject({
      kind: "NOTES",
      targetLevel: MASTERY_LEVELS.indexOf("proficient"),
      dueAt: new Date("2026-11-09T09:00:00Z"),
    });
    expect(assignments[0].notes.map((n) => n.noteSlug)).toEqual([
      "aws-shared-responsibility-model",
    ]);

    await t.db.assignment.delete({ where: { id: assignments[0].id } });
    await seedDemo(t.db, now);
    expect(await t.db.assignment.count({ where: { team: { name: DEMO_TEAM.name } } })).toBe(0);
  });

  it("adopts demo accounts and the team an older seed made, without making them twice", async () => {
    await resetUsersAndTeams();
    await seedDemo(t.db);
    // As a database seeded before seed records existed.
    await t.db.seedRecord.deleteMany();
    await seedDemo(t.db);
    expect(await t.db.user.count()).toBe(3 + DEMO_LEARNERS.length);
    expect(await t.db.team.count({ where: { name: DEMO_TEAM.name } })).toBe(1);
    expect(await t.db.attempt.count({ where: { user: { email: "learner@example.com" } } })).toBe(0);
  });
});

/** Everything the demo history writes, counted: a second seed must leave each count as it was. */
async function footprint() {
  const stats = await t.db.teamItemStat.aggregate({ _sum: { attempts: true } });
  return {
    users: await t.db.user.count(),
    memberships: await t.db.teamMembership.count(),
    attempts: await t.db.attempt.count(),
    answers: await t.db.answer.count(),
    cards: await t.db.reviewCard.count(),
    events: await t.db.masteryEvent.count(),
    progress: await t.db.noteProgress.count(),
    teamAnswers: stats._sum.attempts,
  };
}

describe("the Demo Team's learners", () => {
  const now = new Date();
  let instructor: CurrentUser;
  let teamId: string;

  beforeAll(async () => {
    await resetUsersAndTeams();
    await seedDemo(t.db, now);
    instructor = await t.db.user.findUniqueOrThrow({
      where: { email: "instructor@example.com" },
      select: { id: true, name: true, email: true, role: true },
    });
    teamId = (await t.db.team.findUniqueOrThrow({ where: { inviteCode: DEMO_TEAM.inviteCode } }))
      .id;
  });

  it("[SEED] are team members with submitted attempts over several weeks, all in the past", async () => {
    const members = await t.db.teamMembership.findMany({
      where: { teamId, role: "MEMBER" },
      select: { user: { select: { email: true } } },
    });
    expect(members.map((m) => m.user.email).sort()).toEqual(
      ["learner@example.com", ...DEMO_LEARNERS.map((l) => l.email)].sort(),
    );
    for (const learner of DEMO_LEARNERS) {
      const attempts = await t.db.attempt.findMany({
        where: { user: { email: learner.email } },
        select: { status: true, submittedAt: true, createdAt: true },
      });
      expect(attempts.length, learner.email).toBeGreaterThan(0);
      for (const a of attempts) {
        expect(a.status).toBe("SUBMITTED");
        expect(a.submittedAt!.getTime()).toBeLessThan(now.getTime());
        expect(a.createdAt.getTime()).toBeLessThan(a.submittedAt!.getTime());
      }
    }
    const dates = (
      await t.db.attempt.findMany({
        where: { user: { email: { in: DEMO_LEARNERS.map((l) => l.email) } } },
        select: { submittedAt: true },
      })
    ).map((a) => a.submittedAt!.getTime());
    expect(Math.max(...dates) - Math.min(...dates)).toBeGreaterThan(21 * DAY_MS);
    expect(Math.min(...dates)).toBeGreaterThan(now.getTime() - 29 * DAY_MS);
    // The demo learner of the README keeps a clean slate for the tutorials and tests.
    expect(await t.db.attempt.count({ where: { user: { email: "learner@example.com" } } })).toBe(0);
  });

  it("[SEED] shows misconceptions, growing mastery and exactly one overdue learner", async () => {
    const progress = await getTeamProgress(t.db, instructor, teamId, now);
    // Marcus keeps giving AWS the customer's controls, Hannah gives the customer the shared ones.
    const misconceptions = progress.items.filter(
      (i) => i.commonWrongChoice && i.commonWrongRate >= 0.2,
    );
    expect(misconceptions.map((i) => i.commonWrongChoice)).toEqual(
      expect.arrayContaining(["AWS", "CUSTOMER"]),
    );
    expect(progress.learners.filter((l) => l.overdue).map((l) => l.name)).toEqual(["Tom Okafor"]);
    const tom = progress.learners.find((l) => l.name === "Tom Okafor")!;
    expect(tom.reviewsDue).toBeGreaterThan(0);
    expect(now.getTime() - Date.parse(tom.lastActiveAt!)).toBeGreaterThan(14 * DAY_MS);
    // Jonas has reviews due too, but for days, not weeks: due is not overdue.
    const jonas = progress.learners.find((l) => l.name === "Jonas Berg")!;
    expect(jonas).toMatchObject({ overdue: false, lessonsRead: 2 });
    expect(jonas.reviewsDue).toBeGreaterThan(0);
    const levels = progress.learners.flatMap((l) => l.mastery.map((m) => m.level));
    expect(levels).toEqual(expect.arrayContaining(["familiar", "proficient", "mastered"]));

    const history = await getMasteryHistory(t.db, instructor, teamId, 30, now);
    expect(history[0].proficientShare).toBe(0);
    expect(history.at(-1)!.proficientShare).toBeGreaterThan(0);
    expect(history.at(-1)!.masteredShare).toBeGreaterThan(0);
    expect(history.at(-1)!.familiarShare).toBeGreaterThanOrEqual(history.at(-1)!.proficientShare);

    const { body } = await exportTeamCsv(t.db, instructor, teamId);
    expect(body.startsWith("\uFEFF")).toBe(true);
    const lines = body.slice(1).split("\r\n");
    const header = lines[0].split(",");
    const tomRow = lines.find((l) => l.startsWith("Tom Okafor,"))!.split(",");
    expect(tomRow[header.indexOf("overdue")]).toBe("yes");
  });

  it("[SEED] answers split halves and the service-model matrix, some of them sure and wrong", async () => {
    const progress = await getTeamProgress(t.db, instructor, teamId, now);
    const kinds = new Set(progress.items.map((i) => i.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(["assign", "matrix", "split"]));
    // Marcus gives the customer's half of Shared controls to AWS, and is sure of it.
    expect(progress.halves.length).toBeGreaterThanOrEqual(3);
    expect(progress.halves.map((h) => h.missedMore)).toContain("CUSTOMER");
    const split = progress.items.filter((i) => i.kind === "split" && i.commonWrong);
    expect(split.length).toBeGreaterThan(0);
    for (const item of split) expect(item.commonWrong).toEqual({ option: expect.any(String) });
    const sure = progress.items.filter((i) => i.sureWrong > 0);
    expect(sure.map((i) => i.kind)).toEqual(expect.arrayContaining(["split", "assign"]));
  });

  it("[SEED] running the seed again makes nothing twice, even with its records lost", async () => {
    const before = await footprint();
    await seedDemo(t.db);
    expect(await footprint()).toEqual(before);
    // As a database seeded before seed records existed: everything is adopted, nothing redone.
    await t.db.seedRecord.deleteMany();
    await seedDemo(t.db);
    expect(await footprint()).toEqual(before);
    expect((await findDemoAccounts(t.db)).sort()).toEqual([...DEMO_EMAILS].sort());
  });
});

describe("a server open to the network", () => {
  const network = { NEXTAUTH_URL: "https://academy.example.org" };

  it("[DEPLOY] gets no demo account from the seed, and is told to run admin:create", async () => {
    await resetUsersAndTeams();
    const { status, output } = seedScript(network);
    expect(output).toContain("npm run admin:create -- --email");
    expect(status).toBe(0);
    expect(await findDemoAccounts(t.db)).toEqual([]);
  });

  it("[DEPLOY] will not start while demo accounts from an earlier local run exist", async () => {
    await resetUsersAndTeams();
    await seedDemo(t.db);
    const refused = seedScript(network);
    expect(refused.status).toBe(1);
    expect(refused.output).toMatch(/demo accounts .*admin@example\.com.* exist/);
    expect(refused.output).toContain("npm run db:seed -- --remove-demo");

    expect(seedScript(network, "--remove-demo").status).toBe(0);
    expect(seedScript(network).status).toBe(0);
    expect(await findDemoAccounts(t.db)).toEqual([]);
  });

  it("still gets the demo accounts on localhost, the README's quick start", async () => {
    await resetUsersAndTeams();
    const { status } = seedScript({ NEXTAUTH_URL: "" });
    expect(status).toBe(0);
    expect((await findDemoAccounts(t.db)).sort()).toEqual([...DEMO_EMAILS].sort());
    expect(DEMO_EMAILS).toEqual(
      expect.arrayContaining([
        "admin@example.com",
        "instructor@example.com",
        "learner@example.com",
      ]),
    );
  });
});
