import fc from "fast-check";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { newLearner, SEED_SLUG, signIn } from "../fixtures";
import { callAction } from "../support/server-actions";

const TEAMS = "app/teams/actions.ts";
const ASSIGNMENTS = "app/teams/assignment-actions.ts";
const ACTIONS = {
  createTeam: { filename: TEAMS, name: "createTeamAction" },
  joinTeam: { filename: TEAMS, name: "joinTeamAction" },
  rotate: { filename: TEAMS, name: "rotateInviteCodeAction" },
  remove: { filename: TEAMS, name: "removeMemberAction" },
  deleteTeam: { filename: TEAMS, name: "deleteTeamAction" },
  changeRole: { filename: "app/admin/users/actions.ts", name: "changeRoleAction" },
  deleteUser: { filename: "app/admin/users/actions.ts", name: "deleteUserAction" },
  unblockIdentity: { filename: "app/admin/users/actions.ts", name: "unblockIdentityAction" },
  joinByLink: { filename: "app/join/[code]/actions.ts", name: "joinByLinkAction" },
  startQuiz: { filename: "app/quiz/[slug]/actions.ts", name: "startQuizAction" },
  startReview: { filename: "app/review/actions.ts", name: "startReviewAction" },
  createAssignment: { filename: ASSIGNMENTS, name: "createAssignmentAction" },
  updateAssignment: { filename: ASSIGNMENTS, name: "updateAssignmentAction" },
  deleteAssignment: { filename: ASSIGNMENTS, name: "deleteAssignmentAction" },
  setExtension: { filename: ASSIGNMENTS, name: "setExtensionAction" },
  removeExtension: { filename: ASSIGNMENTS, name: "removeExtensionAction" },
  resolveReport: { filename: "app/reports/actions.ts", name: "resolveReportAction" },
  setDesiredRetention: {
    filename: "app/teams/retention-actions.ts",
    name: "setDesiredRetentionAction",
  },
  startPractice: { filename: "app/practice/actions.ts", name: "startPracticeAction" },
  retakePractice: { filename: "app/practice/actions.ts", name: "retakePracticeAction" },
  setWeeklyDigest: { filename: "app/account/actions.ts", name: "setWeeklyDigestAction" },
  confirmEmail: { filename: "app/(auth)/verify-email/actions.ts", name: "confirmEmailAction" },
  resendVerification: {
    filename: "app/(auth)/verify-email/actions.ts",
    name: "resendVerificationAction",
  },
};

type Role = "anonymous" | "learner" | "instructor" | "admin";
const who = {} as Record<Role, APIRequestContext>;
let teamId = "";
let learnerId = "";
let reportId = "";
let practiceId = "";

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
  const { items } = (await (await who.learner.post("/api/quizzes/aws-shield/attempts")).json()) as {
    items: Array<{ id: string }>;
  };
  const report = await who.learner.post(`/api/items/${items[0].id}/reports`, {
    data: { reason: "unclear" },
  });
  expect(report.status()).toBe(201);
  reportId = ((await report.json()) as { id: string }).id;
  const practice = await who.learner.post("/api/practice-tests", { data: { size: 5 } });
  expect(practice.status()).toBe(201);
  practiceId = ((await practice.json()) as { attemptId: string }).attemptId;
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
      // No such team: a learner is refused before the look-up, the others hear it does not exist.
      action: "deleteTeam",
      page: `/teams/${teamId}`,
      fields: { teamId: "no-such-team" },
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
      // No such account: an admin hears so, anyone else is refused before the lookup.
      action: "deleteUser",
      page: "/admin/users",
      fields: { userId: "no-such-user" },
      expect: {
        anonymous: "unauthenticated",
        learner: "forbidden",
        instructor: "forbidden",
        admin: "not_found",
      },
    },
    {
      // No such block: an admin hears so, anyone else is refused before the lookup.
      action: "unblockIdentity",
      page: "/admin/users",
      fields: { id: "no-such-block" },
      expect: {
        anonymous: "unauthenticated",
        learner: "forbidden",
        instructor: "forbidden",
        admin: "not_found",
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
    {
      // Each changes only their own setting; "on" is everyone's default, so nothing changes here.
      action: "setWeeklyDigest",
      page: "/account",
      fields: { weeklyDigest: "on" },
      expect: { anonymous: "unauthenticated", learner: "ok", instructor: "ok", admin: "ok" },
    },
    {
      // For people not yet signed in: anyone may send a token, and a made-up one is refused.
      action: "confirmEmail",
      page: "/verify-email",
      fields: { token: "A".repeat(43) },
      expect: {
        anonymous: "invalid_token",
        learner: "invalid_token",
        instructor: "invalid_token",
        admin: "invalid_token",
      },
    },
    {
      // The same answer for any email, whether an account waits for confirmation or not.
      action: "resendVerification",
      page: "/verify-email",
      fields: { email: "nobody-waiting@example.com" },
      expect: { anonymous: "ok", learner: "ok", instructor: "ok", admin: "ok" },
    },
    {
      // The learner reported it, and is in the instructor's team: reopening it is idempotent.
      action: "resolveReport",
      page: `/teams/${teamId}`,
      fields: { reportId, resolved: "false" },
      expect: { anonymous: "unauthenticated", learner: "forbidden", instructor: "ok", admin: "ok" },
    },
    {
      action: "setDesiredRetention",
      page: `/teams/${teamId}`,
      fields: { teamId, desiredRetention: "0.9" },
      expect: { anonymous: "unauthenticated", learner: "forbidden", instructor: "ok", admin: "ok" },
    },
    {
      // Anyone signed in may practise: the action opens the new test.
      action: "startPractice",
      page: "/practice",
      fields: { allNotes: "on", kinds: "assign", size: "5", timeLimit: "none" },
      expect: {
        anonymous: "unauthenticated",
        learner: "redirect",
        instructor: "redirect",
        admin: "redirect",
      },
    },
    {
      // The learner's own test; to anyone else it does not exist.
      action: "retakePractice",
      page: `/practice/${practiceId}`,
      fields: { attemptId: practiceId },
      expect: {
        anonymous: "unauthenticated",
        learner: "redirect",
        instructor: "not_found",
        admin: "not_found",
      },
    },
    {
      action: "createAssignment",
      page: `/teams/${teamId}`,
      fields: {
        teamId,
        kind: "notes",
        noteSlugs: SEED_SLUG,
        targetMastery: "PROFICIENT",
        dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
      expect: { anonymous: "unauthenticated", learner: "forbidden", instructor: "ok", admin: "ok" },
    },
    ...(["updateAssignment", "deleteAssignment", "setExtension", "removeExtension"] as const).map(
      (action) => ({
        // An assignment that does not exist: the team's managers hear so, anyone else is refused
        // before the assignment is looked up.
        action,
        page: `/teams/${teamId}`,
        fields: {
          teamId,
          assignmentId: "no-such-assignment",
          userId: learnerId,
          kind: "notes",
          targetMastery: "FAMILIAR",
          dueAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
        expect: {
          anonymous: "unauthenticated",
          learner: "forbidden",
          instructor: "not_found",
          admin: "not_found",
        } as Record<Role, string>,
      }),
    ),
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
  test
    .info()
    .annotations.push({ type: "cases", description: `${count} (${cases.length} cases × 4 roles)` });
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
  // Roles of accounts in both lists are unchanged (other specs add and delete accounts meanwhile).
  const ids = (roles: string[]) => new Set(roles.map((r) => r.split(":")[0]));
  const [beforeIds, afterIds] = [ids(before.roles), ids(after.roles)];
  expect(after.roles.filter((r) => beforeIds.has(r.split(":")[0]))).toEqual(
    before.roles.filter((r) => afterIds.has(r.split(":")[0])),
  );
  test.info().annotations.push({ type: "cases", description: String(count) });
});
