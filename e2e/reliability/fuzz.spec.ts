import fc from "fast-check";
import { expect, test, type APIRequestContext } from "@playwright/test";
import {
  changePasswordSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
} from "@/lib/validation/account";
import { signUpSchema } from "@/lib/validation/auth";
import {
  createAssignmentSchema,
  extensionSchema,
  updateAssignmentSchema,
} from "@/lib/validation/assignments";
import {
  markReadSchema,
  practiceTestSchema,
  saveAnswersSchema,
  submitSchema,
} from "@/lib/validation/quiz";
import { createReportSchema, resolveReportSchema } from "@/lib/validation/reports";
import { changeRoleSchema, createTeamSchema, joinTeamSchema } from "@/lib/validation/teams";
import { newLearner, signIn } from "../fixtures";
import { snapshot, waitOutDeadlines } from "../support/db-snapshot";

// Junk of every kind the issue names: wrong types, huge strings, deep nesting, prototype-pollution
// keys and NUL bytes. Each body is filtered to ones its endpoint's schema rejects, so a 2xx is a bug.
const nasty = fc.oneof(
  fc.anything(),
  fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`),
  fc.constant("x".repeat(70_000)),
  fc.nat({ max: 200 }).map((depth) => JSON.parse("[".repeat(depth) + "]".repeat(depth)) as unknown),
  fc.dictionary(
    fc.constantFrom("__proto__", "constructor", "prototype", "answers", "code", "name"),
    fc.anything(),
    { maxKeys: 4 },
  ),
  fc.record({
    answers: fc.array(
      fc.record({
        itemId: fc.oneof(fc.string(), fc.integer()),
        choice: fc.oneof(fc.string(), fc.constant(null), fc.integer()),
      }),
      { maxLength: 5 },
    ),
  }),
);

interface Target {
  name: string;
  method: "post" | "put" | "patch";
  path: () => string;
  rejects: (value: unknown) => boolean;
  as: "learner" | "admin" | "anonymous";
}

let attemptId = "";
let itemId = "";
let reportId = "";
let learnerId = "";
let teamId = "";
let assignmentId = "";
let learner: APIRequestContext;
let admin: APIRequestContext;
let anonymous: APIRequestContext;

test.beforeAll(async ({ playwright, baseURL }) => {
  learner = await playwright.request.newContext({ baseURL });
  admin = await playwright.request.newContext({ baseURL });
  anonymous = await playwright.request.newContext({ baseURL });
  learnerId = (await newLearner(learner, "Fuzz Target")).id;
  await signIn(admin, "admin@example.com");
  const started = (await (await learner.post("/api/quizzes/aws-iam/attempts")).json()) as {
    attemptId: string;
    items: Array<{ id: string }>;
  };
  attemptId = started.attemptId;
  itemId = started.items[0].id;
  // A team with the learner in it, an assignment and a report: what the routes below act on.
  const team = (await (await admin.post("/api/teams", { data: { name: "Fuzz team" } })).json()) as {
    id: string;
    inviteCode: string;
  };
  teamId = team.id;
  await learner.post("/api/teams/join", { data: { code: team.inviteCode } });
  assignmentId = (
    (await (
      await admin.post(`/api/teams/${teamId}/assignments`, {
        data: {
          kind: "notes",
          noteSlugs: ["aws-iam"],
          targetMastery: "FAMILIAR",
          dueAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      })
    ).json()) as { id: string }
  ).id;
  reportId = (
    (await (
      await learner.post(`/api/items/${itemId}/reports`, { data: { reason: "unclear" } })
    ).json()) as { id: string }
  ).id;
});

test.afterAll(async () => {
  for (const context of [learner, admin, anonymous]) await context.dispose();
});

const bodyless =
  (schema: { safeParse: (v: unknown) => { success: boolean } }) => (value: unknown) =>
    !schema.safeParse(value).success;

const targets: Target[] = [
  {
    name: "POST /api/auth/signup",
    method: "post",
    path: () => "/api/auth/signup",
    rejects: bodyless(signUpSchema),
    as: "anonymous",
  },
  {
    name: "POST /api/auth/password-reset",
    method: "post",
    path: () => "/api/auth/password-reset",
    rejects: bodyless(passwordResetRequestSchema),
    as: "anonymous",
  },
  {
    name: "POST /api/auth/password-reset/confirm",
    method: "post",
    path: () => "/api/auth/password-reset/confirm",
    rejects: bodyless(passwordResetConfirmSchema),
    as: "anonymous",
  },
  {
    name: "PUT /api/attempts/<id>/answers",
    method: "put",
    path: () => `/api/attempts/${attemptId}/answers`,
    rejects: bodyless(saveAnswersSchema),
    as: "learner",
  },
  {
    name: "POST /api/attempts/<id>/submit",
    method: "post",
    path: () => `/api/attempts/${attemptId}/submit`,
    rejects: (v) => bodyless(submitSchema)(v) && v !== undefined,
    as: "learner",
  },
  {
    name: "PUT /api/me/lessons/<slug>/read",
    method: "put",
    path: () => "/api/me/lessons/aws-iam/read",
    rejects: bodyless(markReadSchema),
    as: "learner",
  },
  {
    name: "POST /api/me/password",
    method: "post",
    path: () => "/api/me/password",
    rejects: bodyless(changePasswordSchema),
    as: "learner",
  },
  {
    name: "POST /api/teams",
    method: "post",
    path: () => "/api/teams",
    rejects: bodyless(createTeamSchema),
    as: "admin",
  },
  {
    name: "POST /api/teams/join",
    method: "post",
    path: () => "/api/teams/join",
    rejects: bodyless(joinTeamSchema),
    as: "learner",
  },
  {
    name: "POST /api/practice-tests",
    method: "post",
    path: () => "/api/practice-tests",
    rejects: bodyless(practiceTestSchema),
    as: "learner",
  },
  {
    name: "POST /api/teams/<id>/assignments",
    method: "post",
    path: () => `/api/teams/${teamId}/assignments`,
    rejects: bodyless(createAssignmentSchema),
    as: "admin",
  },
  {
    name: "PATCH /api/teams/<id>/assignments/<aid>",
    method: "patch",
    path: () => `/api/teams/${teamId}/assignments/${assignmentId}`,
    rejects: bodyless(updateAssignmentSchema),
    as: "admin",
  },
  {
    name: "PUT /api/teams/<id>/assignments/<aid>/extensions/<userId>",
    method: "put",
    path: () => `/api/teams/${teamId}/assignments/${assignmentId}/extensions/${learnerId}`,
    rejects: bodyless(extensionSchema),
    as: "admin",
  },
  {
    name: "POST /api/items/<itemId>/reports",
    method: "post",
    path: () => `/api/items/${itemId}/reports`,
    rejects: bodyless(createReportSchema),
    as: "learner",
  },
  {
    name: "PATCH /api/reports/<rid>",
    method: "patch",
    path: () => `/api/reports/${reportId}`,
    rejects: bodyless(resolveReportSchema),
    as: "admin",
  },
  {
    name: "PATCH /api/admin/users/<id>",
    method: "patch",
    path: () => "/api/admin/users/no-such-user",
    rejects: bodyless(changeRoleSchema.pick({ role: true })),
    as: "admin",
  },
];

test("[FUZZ] junk sent to every JSON endpoint gets a 4xx with the error shape and writes nothing", async () => {
  // The fuzzing takes under a minute; a timed attempt left running by an earlier journey must not
  // be submitted by the server's deadline sweep meanwhile. Waiting for one is at most two minutes.
  test.setTimeout(5 * 60_000);
  await waitOutDeadlines(2 * 60_000);
  const before = await snapshot();
  const statuses: Record<string, number> = {};
  for (const target of targets) {
    const context = target.as === "admin" ? admin : target.as === "learner" ? learner : anonymous;
    await fc.assert(
      fc.asyncProperty(nasty.filter(target.rejects), fc.boolean(), async (value, raw) => {
        // Half the cases go out as bytes that are not JSON at all.
        const body = raw
          ? Buffer.from(`\u0000{${JSON.stringify(value ?? null)}`)
          : Buffer.from(JSON.stringify(value ?? null));
        const response = await context[target.method](target.path(), {
          headers: { "content-type": "application/json" },
          data: body,
        });
        const status = response.status();
        statuses[status] = (statuses[status] ?? 0) + 1;
        const payload = (await response.json().catch(() => null)) as {
          error?: { code?: unknown; message?: unknown };
        } | null;
        expect(
          status,
          `${target.name} ${JSON.stringify(value)?.slice(0, 120)}`,
        ).toBeGreaterThanOrEqual(400);
        expect(status, `${target.name} ${JSON.stringify(value)?.slice(0, 120)}`).toBeLessThan(500);
        expect(typeof payload?.error?.code).toBe("string");
        expect(typeof payload?.error?.message).toBe("string");
      }),
      { numRuns: 40, seed: 2026 },
    );
  }
  test.info().annotations.push({
    type: "cases",
    description: String(Object.values(statuses).reduce((a, b) => a + b, 0)),
  });
  test.info().annotations.push({ type: "statuses", description: JSON.stringify(statuses) });
  expect(await snapshot()).toEqual(before);
});
