import fc from "fast-check";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { newLearner, signIn } from "../fixtures";
import { callAction } from "../support/server-actions";

const TEAMS = "app/teams/actions.ts";
const ACTIONS = {
  createTeam: { filename: TEAMS, name: "createTeamAction" },
  joinTeam: { filename: TEAMS, name: "joinTeamAction" },
  rotate: { filename: TEAMS, name: "rotateInviteCodeAction" },
  remove: { filename: TEAMS, name: "removeMemberAction" },
  changeRole: { filename: "app/admin/users/actions.ts", name: "changeRoleAction" },
  joinByLink: { filename: "app/join/[code]/actions.ts", name: "joinByLinkAction" },
  startQuiz: { filename: "app/quiz/[slug]/actions.ts", name: "startQuizAction" },
  startReview: { filename: "app/review/actions.ts", name: "startReviewAction" },
};

type Role = "anonymous" | "learner" | "instructor" | "admin";
const who = {} as Record<Role, APIRequestContext>;
let teamId = "";
let learnerId = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ playwright, baseURL }) => {
  for (const role of ["anonymous", "learner", "instructor", "admin"] as Role[])
    who[role] = await playwright.request.newContext({ baseURL });
  learnerId = (await newLearner(who.learner, "Action Learner")).id;
  await signIn(who.instructor, "instructor@example.com");
  await signIn(who.admin, "admin@example.com");
  const team = (await (
    await who.instructor.post("/api/teams", { data: { name: "Action team" } })
  ).json()) as { id: string; inviteCode: string };
  teamId = team.id;
  expect(
    (await who.learner.post("/api/teams/join", { data: { code: team.inviteCode } })).status(),
  ).toBe(200);
});

test.afterAll(async () => {
  for (const context of Object.values(who)) await context.dispose();
});

test("[ACCESS] every server action × every role: each action checks the user and their rights itself", async () => {
  const cases: Array<{
    action: keyof typeof ACTIONS;
    page: string;
    fields: Record<string, string>;
    expect: Record<Role, string>;
  }> = [
    {
      action: "createTeam",
      page: "/teams",
      fields: { name: "From an action" },
      expect: {
        anonymous: "unauthenticated",
        learner: "forbidden",
        instructor: "redirect",
        admin: "redirect",
      },
    },
    {
      action: "joinTeam",
      page: "/teams",
      fields: { code: "NOT-A-CODE" },
      expect: {
        anonymous: "unauthenticated",
        learner: "not_found",
        instructor: "not_found",
        admin: "not_found",
      },
    },
    {
      action: "joinByLink",
      page: "/join/NOT-A-CODE",
      fields: { code: "NOT-A-CODE" },
      expect: {
        anonymous: "unauthenticated",
        learner: "not_found",
        instructor: "not_found",
        admin: "not_found",
      },
    },
    {
      action: "rotate",
      page: `/teams/${teamId}`,
      fields: { teamId },
      expect: { anonymous: "unauthenticated", learner: "forbidden", instructor: "ok", admin: "ok" },
    },
    {
      action: "remove",
      page: `/teams/${teamId}`,
      fields: { teamId, userId: "not-a-member" },
      expect: {
        anonymous: "unauthenticated",
        learner: "forbidden",
        instructor: "not_found",
        admin: "not_found",
      },
    },
    {
      action: "changeRole",
      page: "/admin/users",
      fields: { userId: learnerId, role: "LEARNER" },
      expect: {
        anonymous: "unauthenticated",
        learner: "forbidden",
        instructor: "forbidden",
        admin: "ok",
      },
    },
    {
      action: "startQuiz",
      page: "/quiz/no-such-quiz",
      fields: { slug: "no-such-quiz" },
      expect: {
        anonymous: "unauthenticated",
        learner: "not_found",
        instructor: "not_found",
        admin: "not_found",
      },
    },
    {
      // Nobody here has anything due: the action says so and starts nothing.
      action: "startReview",
      page: "/review",
      fields: {},
      expect: { anonymous: "unauthenticated", learner: "ok", instructor: "ok", admin: "ok" },
    },
  ];
  let count = 0;
  for (const c of cases) {
    for (const role of Object.keys(c.expect) as Role[]) {
      const result = await callAction(who[role], c.page, ACTIONS[c.action], c.fields);
      const outcome = result.redirect ? "redirect" : result.ok ? "ok" : result.code;
      expect(outcome, `${role} ${c.action}`).toBe(c.expect[role]);
      expect(result.status, `${role} ${c.action}`).toBeLessThan(500);
      count++;
    }
  }
  test.info().annotations.push({ type: "cases", description: `${count} (8 actions × 4 roles)` });
});

test("[CSRF] a server action posted from a foreign Origin is refused and does nothing", async () => {
  const forged = await callAction(
    who.instructor,
    "/teams",
    ACTIONS.createTeam,
    { name: "Forged" },
    { Origin: "https://evil.example" },
  );
  expect(forged.redirect).toBeUndefined();
  expect(forged.ok).toBe(false);
  expect(forged.status).toBeGreaterThanOrEqual(400);
  // By name: other specs running meanwhile create teams of this instructor's too.
  const teams = (await (await who.instructor.get("/api/teams")).json()) as Array<{ name: string }>;
  expect(teams.map((t) => t.name)).not.toContain("Forged");
});

test("[FUZZ] junk in server action fields gets a validation error, never a crash, and changes nothing", async () => {
  const junk = fc.oneof(
    fc.string({ maxLength: 50 }),
    fc.constant("x".repeat(20_000)),
    fc.string().map((s) => `${s}\u0000`),
    fc.constantFrom("__proto__", "constructor", "ADMIN", "SUPERUSER", ""),
  );
  let count = 0;
  // What the fuzzed actions could touch: the learner's teams and everyone's roles. (Other specs run
  // in parallel, so whole-table counts would move for reasons of their own.)
  const state = async () => ({
    teams: await (await who.learner.get("/api/teams")).json(),
    roles: (
      (await (await who.admin.get("/api/admin/users")).json()) as Array<{
        id: string;
        role: string;
      }>
    )
      .map((u) => `${u.id}:${u.role}`)
      .sort(),
  });
  const before = await state();
  await fc.assert(
    fc.asyncProperty(junk, junk, async (a, b) => {
      const results = [
        await callAction(who.admin, "/admin/users", ACTIONS.changeRole, { userId: a, role: b }),
        await callAction(who.learner, "/teams", ACTIONS.joinTeam, { code: a }),
        await callAction(who.learner, `/teams/${teamId}`, ACTIONS.remove, { teamId: a, userId: b }),
      ];
      for (const r of results) {
        expect(r.status).toBeLessThan(500);
        expect(r.ok).toBe(false);
        expect(["validation_failed", "not_found", "forbidden"]).toContain(r.code);
        count++;
      }
    }),
    { numRuns: 30, seed: 7 },
  );
  const after = await state();
  expect(after.teams).toEqual(before.teams);
  // Roles of accounts that existed before are unchanged (other specs may add accounts meanwhile).
  expect(
    after.roles.filter((r) => before.roles.some((b) => b.split(":")[0] === r.split(":")[0])),
  ).toEqual(before.roles);
  test.info().annotations.push({ type: "cases", description: String(count) });
});
