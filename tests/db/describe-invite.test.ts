import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "@/server/http/rate-limit";
import { createTeam } from "@/server/teams/create-team";
import { describeInvite } from "@/server/teams/describe-invite";
import { peopleOf } from "../support/people";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const { people, person } = peopleOf(() => t.db);
const NOW = new Date("2030-03-04T10:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  await person("teacher", "INSTRUCTOR");
});

afterAll(async () => {
  await t.drop();
});

describe("an invite link's page", () => {
  it("names the team and its instructors, whatever the code's case", async () => {
    const team = await createTeam(t.db, people.teacher, "Cohort Nine", "192.0.2.1");
    const who = { address: "192.0.2.30" };
    expect(await describeInvite(t.db, team.inviteCode.toLowerCase(), who, NOW)).toEqual({
      team: "Cohort Nine",
      instructors: [people.teacher.name],
    });
    expect(await describeInvite(t.db, "ZZZZ-ZZZZ", who, NOW)).toBeNull();
  });

  it("stops naming teams to an address that tries too many codes, without an error", async () => {
    const team = await createTeam(t.db, people.teacher, "Cohort Ten", "192.0.2.1");
    const who = { address: "192.0.2.31" };
    for (let i = 0; i < LIMITS.invitePreview.perAddress; i++) {
      await describeInvite(t.db, `AAAA-${String(i).padStart(4, "2")}`, who, NOW);
    }
    expect(await describeInvite(t.db, team.inviteCode, who, NOW)).toBe("limited");
    // Another address still sees the team.
    expect(
      await describeInvite(t.db, team.inviteCode, { address: "192.0.2.32" }, NOW),
    ).toMatchObject({
      team: "Cohort Ten",
    });
  });
});
