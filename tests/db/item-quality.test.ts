import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseNote } from "@/lib/content/parse-note";
import type { Owner } from "@/lib/content/types";
import type { CurrentUser } from "@/lib/contracts/session";
import { startQuizAttempt } from "@/server/quiz/start-attempt";
import { submitAttempt } from "@/server/quiz/submit-attempt";
import { syncContent } from "@/server/quiz/sync-content";
import { createTeam } from "@/server/teams/create-team";
import { getTeamProgress } from "@/server/teams/get-team-progress";
import { joinTeam } from "@/server/teams/join-team";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const NOTE = `## AWS Responsibilities
- **Edge**: AWS runs it.
- **Hardware**: AWS racks it.
## Customer Responsibilities
- **Firewall**: You set it.
- **Keys**: You rotate them.
`;
const PROMPTS = ["Edge", "Hardware", "Firewall", "Keys"] as const;
const RIGHT: Record<string, Owner> = {
  Edge: "AWS",
  Hardware: "AWS",
  Firewall: "CUSTOMER",
  Keys: "CUSTOMER",
};

let t: TestDatabase;
let teacher: CurrentUser;
let teamId: string;
let inviteCode: string;

async function person(name: string, role: CurrentUser["role"] = "LEARNER"): Promise<CurrentUser> {
  return t.db.user.create({
    data: { email: `${name}@example.com`, name, passwordHash: "x", role },
    select: { id: true, name: true, email: true, role: true },
  });
}

/** Takes the quiz answering each item right (1) or wrong (0), in the order of PROMPTS. */
async function take(user: CurrentUser, marks: string, at: Date) {
  const { attemptId, items } = await startQuizAttempt(t.db, user.id, "net");
  await submitAttempt(
    t.db,
    user.id,
    attemptId,
    items.map((item) => {
      const right = marks[PROMPTS.indexOf(item.prompt as (typeof PROMPTS)[number])] === "1";
      const owner = RIGHT[item.prompt];
      return { itemId: item.id, choice: right ? owner : owner === "AWS" ? "CUSTOMER" : "AWS" };
    }),
    at,
  );
}

async function analysis() {
  const { items } = await getTeamProgress(t.db, teacher, teamId);
  return new Map(items.map((i) => [i.prompt, i]));
}

beforeAll(async () => {
  t = await createTestDatabase();
  await syncContent(t.db, [parseNote({ file: "Net.md", source: NOTE })]);
  teacher = await person("teacher", "INSTRUCTOR");
  const team = await createTeam(t.db, teacher, "Quality team");
  teamId = team.id;
  inviteCode = team.inviteCode;
});

afterAll(async () => {
  await t.drop();
});

describe("the discrimination index on the team dashboard", () => {
  it("is the item–rest point-biserial of first answers, null below five learners, with flags", async () => {
    // Five learners over Edge, Hardware, Firewall and Keys. Keys is missed by everyone: it adds 0
    // to every rest score, scaling them by 2/3, which leaves each correlation as it was over three
    // items. By hand (lib/teams/discrimination.test.ts): Edge and Hardware 0.30 / √0.84, Firewall
    // 0.40 / √0.56; Keys does not vary, so it has no index.
    const patterns = ["1110", "1100", "0100", "1000", "0000"];
    const learners: CurrentUser[] = [];
    for (const [i, marks] of patterns.entries()) {
      const learner = await person(`learner${i}`);
      await joinTeam(t.db, learner, inviteCode);
      learners.push(learner);
      await take(learner, marks, new Date(Date.UTC(2026, 0, 1 + i)));
    }
    // Answers of someone outside the team, and the instructor's own, count for nothing.
    const outsider = await person("outsider");
    await take(outsider, "0011", new Date(Date.UTC(2026, 0, 2)));
    await take(teacher, "0011", new Date(Date.UTC(2026, 0, 2)));

    let items = await analysis();
    expect(items.get("Edge")?.discrimination).toBeCloseTo(0.3 / Math.sqrt(0.84), 9);
    expect(items.get("Hardware")?.discrimination).toBeCloseTo(0.3 / Math.sqrt(0.84), 9);
    expect(items.get("Firewall")?.discrimination).toBeCloseTo(0.4 / Math.sqrt(0.56), 9);
    expect(items.get("Keys")?.discrimination).toBeNull();
    expect(items.get("Keys")?.flags).toEqual(["too_hard"]);
    expect(items.get("Edge")?.flags).toEqual([]);

    // A retake changes the facility, never the index: only first answers count.
    await take(learners[4], "1111", new Date(Date.UTC(2026, 0, 9)));
    items = await analysis();
    expect(items.get("Edge")?.correctRate).toBe(4 / 6);
    expect(items.get("Edge")?.discrimination).toBeCloseTo(0.3 / Math.sqrt(0.84), 9);
    expect(items.get("Firewall")?.discrimination).toBeCloseTo(0.4 / Math.sqrt(0.56), 9);
  });

  it("is null while fewer than five learners answered", async () => {
    const small = await createTeam(t.db, teacher, "Small team");
    for (const [i, marks] of ["1110", "1100", "0100", "1000"].entries()) {
      const learner = await person(`small${i}`);
      await joinTeam(t.db, learner, small.inviteCode);
      await take(learner, marks, new Date(Date.UTC(2026, 1, 1 + i)));
    }
    const { items } = await getTeamProgress(t.db, teacher, small.id);
    expect(items).toHaveLength(4);
    expect(items.map((i) => i.discrimination)).toEqual([null, null, null, null]);
    // Four answers are too few to flag the facility, even of an item nobody got right.
    expect(items.flatMap((i) => i.flags)).toEqual([]);
  });
});
