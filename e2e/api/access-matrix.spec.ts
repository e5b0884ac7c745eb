import { expect, test, type APIRequestContext } from "@playwright/test";
import { newLearner, signIn } from "../fixtures";

type Role = "anonymous" | "learner" | "instructor" | "admin";
const ROLES: Role[] = ["anonymous", "learner", "instructor", "admin"];

interface Route {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  data?: unknown;
  expect: Record<Role, number>;
}

const contexts = {} as Record<Role, APIRequestContext>;
let routes: Route[] = [];

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ playwright, baseURL }) => {
  for (const role of ROLES) contexts[role] = await playwright.request.newContext({ baseURL });
  await newLearner(contexts.learner, "Matrix Learner");
  await signIn(contexts.instructor, "instructor@example.com");
  await signIn(contexts.admin, "admin@example.com");
  expect(
    (await contexts.learner.post("/api/teams/join", { data: { code: "DEMO-TEAM-2026" } })).status(),
  ).toBe(200);
  const team = (
    (await (await contexts.instructor.get("/api/teams")).json()) as Array<{
      id: string;
      name: string;
    }>
  ).find((t) => t.name === "Demo Team")!;
  const attempt = async () =>
    (await (await contexts.learner.post("/api/quizzes/aws-shield/attempts")).json()) as {
      attemptId: string;
      items: Array<{ id: string }>;
    };
  const [read, save, submit] = [await attempt(), await attempt(), await attempt()];
  const learnerId = (
    (await (await contexts.learner.get("/api/me/export")).json()) as { profile: { id: string } }
  ).profile.id;
  const all = (status: number) => ({
    anonymous: status,
    learner: status,
    instructor: status,
    admin: status,
  });
  const signedIn = (status: number) => ({
    anonymous: 401,
    learner: status,
    instructor: status,
    admin: status,
  });
  // The attempt's owner alone; everyone else is told it does not exist.
  const ownerOnly = (status: number) => ({
    anonymous: 401,
    learner: status,
    instructor: 404,
    admin: 404,
  });
  const teamManagers = (status: number, learner = 403) => ({
    anonymous: 401,
    learner,
    instructor: status,
    admin: status,
  });

  routes = [
    { method: "get", path: "/api/health", expect: all(200) },
    { method: "get", path: "/api/quizzes", expect: all(200) },
    { method: "get", path: "/api/quizzes/aws-shield", expect: all(200) },
    {
      method: "get",
      path: "/api/lessons/aws-shield/items",
      expect: { anonymous: 401, learner: 403, instructor: 200, admin: 200 },
    },
    {
      method: "post",
      path: "/api/auth/signup",
      data: { email: "not-an-email", password: "x", name: "" },
      expect: all(422),
    },
    { method: "post", path: "/api/quizzes/aws-shield/attempts", expect: signedIn(201) },
    { method: "get", path: `/api/attempts/${read.attemptId}`, expect: ownerOnly(200) },
    {
      method: "put",
      path: `/api/attempts/${save.attemptId}/answers`,
      data: { answers: [{ itemId: save.items[0].id, choice: "AWS" }] },
      expect: ownerOnly(200),
    },
    {
      method: "post",
      path: `/api/attempts/${submit.attemptId}/submit`,
      data: {},
      expect: ownerOnly(200),
    },
    { method: "get", path: "/api/me/progress", expect: signedIn(200) },
    { method: "get", path: "/api/me/export", expect: signedIn(200) },
    {
      method: "put",
      path: "/api/me/lessons/aws-shield/read",
      data: { read: true },
      expect: signedIn(200),
    },
    {
      method: "post",
      path: "/api/me/password",
      data: { currentPassword: "not-the-password", newPassword: "irrelevant-password" },
      expect: signedIn(422),
    },
    {
      method: "post",
      path: "/api/review",
      expect: { anonymous: 401, learner: 201, instructor: 200, admin: 200 },
    },
    { method: "get", path: "/api/teams", expect: signedIn(200) },
    {
      method: "post",
      path: "/api/teams",
      data: { name: "Matrix team" },
      expect: teamManagers(201),
    },
    {
      method: "post",
      path: "/api/teams/join",
      data: { code: "NO-SUCH-CODE" },
      expect: signedIn(404),
    },
    { method: "get", path: `/api/teams/${team.id}/progress`, expect: teamManagers(200) },
    { method: "get", path: `/api/teams/${team.id}/export.csv`, expect: teamManagers(200) },
    { method: "post", path: `/api/teams/${team.id}/invite-code`, expect: teamManagers(200) },
    // Authorised callers get past the check and find no such member: the check comes first.
    {
      method: "delete",
      path: `/api/teams/${team.id}/members/not-a-member`,
      expect: teamManagers(404),
    },
    {
      method: "get",
      path: "/api/admin/users",
      expect: { anonymous: 401, learner: 403, instructor: 403, admin: 200 },
    },
    {
      method: "patch",
      path: `/api/admin/users/${learnerId}`,
      data: { role: "LEARNER" },
      expect: { anonymous: 401, learner: 403, instructor: 403, admin: 200 },
    },
  ];
});

test.afterAll(async () => {
  for (const context of Object.values(contexts)) await context.dispose();
});

test("[ACCESS] every JSON route × every role gets the expected status, and no response leaks a hash or another's answers", async () => {
  let cases = 0;
  for (const route of routes) {
    for (const role of ROLES) {
      const response = await contexts[role][route.method](
        route.path,
        route.data === undefined ? {} : { data: route.data },
      );
      expect(response.status(), `${role} ${route.method.toUpperCase()} ${route.path}`).toBe(
        route.expect[role],
      );
      const text = await response.text();
      expect(text, `${role} ${route.path}`).not.toMatch(/passwordHash|\$argon2/);
      cases++;
    }
  }
  test.info().annotations.push({
    type: "cases",
    description: `${cases} (${routes.length} routes × ${ROLES.length} roles)`,
  });
});
