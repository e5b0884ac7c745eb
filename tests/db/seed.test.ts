import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TEAM, findDemoAccounts, seedDemo } from "@/server/seed/seed-demo";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
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
    expect(await t.db.user.count()).toBe(2);
  });

  it("adopts demo accounts and the team an older seed made, without making them twice", async () => {
    await resetUsersAndTeams();
    await seedDemo(t.db);
    // As a database seeded before seed records existed.
    await t.db.seedRecord.deleteMany();
    await seedDemo(t.db);
    expect(await t.db.user.count()).toBe(3);
    expect(await t.db.team.count({ where: { name: DEMO_TEAM.name } })).toBe(1);
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
    expect((await findDemoAccounts(t.db)).sort()).toEqual([
      "admin@example.com",
      "instructor@example.com",
      "learner@example.com",
    ]);
  });
});
