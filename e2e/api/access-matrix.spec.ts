import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { newLearner, signIn } from "../fixtures";

type Role = "anonymous" | "learner" | "instructor" | "admin";
const ROLES: Role[] = ["anonymous", "learner", "instructor", "admin"];

interface Route {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  data?: unknown;
  expect: Record<Role, number>;
  /** Callers of this route instead of the shared ones: throwaway accounts, for a route that ends them. */
  as?: Record<Role, APIRequestContext>;
}

const contexts = {} as Record<Role, APIRequestContext>;
const throwaway: APIRequestContext[] = [];
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
      items: Array<{ id: string; choices: string[] }>;
    };
  const [read, save, submit] = [await attempt(), await attempt(), await attempt()];
  // An item answered with an owner: Shield's quiz also has scenario parts answered by statement.
  const ownerItem = save.items.find((item) => item.choices.length > 0)!;
  // Assignments are set on a team of the matrix's own, so that they show in no other spec's lists.
  const assignedTeam = (await (
    await contexts.instructor.post("/api/teams", { data: { name: "Matrix assignments" } })
  ).json()) as { id: string; inviteCode: string };
  expect(
    (
      await contexts.learner.post("/api/teams/join", { data: { code: assignedTeam.inviteCode } })
    ).status(),
  ).toBe(200);
  const dueAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const assign = async (data: object) => {
    const response = await contexts.instructor.post(`/api/teams/${assignedTeam.id}/assignments`, {
      data: { noteSlugs: ["aws-shield"], dueAt, ...data },
    });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const notesAssignment = `/api/teams/${assignedTeam.id}/assignments/${await assign({ kind: "notes", targetMastery: "PROFICIENT" })}`;
  const practiceId = await assign({ kind: "practice", size: 5, attemptsAllowed: 20 });
  const learnerId = (
    (await (await contexts.learner.get("/api/me/export")).json()) as { profile: { id: string } }
  ).profile.id;
  // A report by the learner, a Demo Team member: the Demo Team's instructor may resolve it.
  const otherItem = save.items.find((item) => item.id !== ownerItem.id)!;
  const report = (await (
    await contexts.learner.post(`/api/items/${otherItem.id}/reports`, {
      data: { reason: "unclear" },
    })
  ).json()) as { id: string };
  // Throwaway accounts of every role for DELETE /api/me, which deletes its caller, and one for an
  // admin to delete: the demo accounts other specs sign in as must survive the matrix.
  const doomed = {} as Record<Role, APIRequestContext>;
  // Every throwaway account has the one password newLearner gives; DELETE /api/me asks for it.
  let doomedPassword = "";
  for (const role of ROLES) {
    doomed[role] = await playwright.request.newContext({ baseURL });
    if (role === "anonymous") continue;
    const { id, password } = await newLearner(doomed[role], `Matrix ${role} to delete`);
    doomedPassword = password;
    if (role !== "learner") {
      const promoted = await contexts.admin.patch(`/api/admin/users/${id}`, {
        data: { role: role.toUpperCase() },
      });
      expect(promoted.status()).toBe(200);
    }
  }
  throwaway.push(...Object.values(doomed));
  const deletable = await playwright.request.newContext({ baseURL });
  throwaway.push(deletable);
  const deletableId = (await newLearner(deletable, "Matrix user to delete")).id;
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
    // Those who teach preview a note; nothing is saved, so every one of them may.
    {
      method: "post",
      path: "/api/authoring/preview",
      data: { source: "# Matrix note\n\n## AWS responsibilities\n\n- **Hardware**: Disks.\n" },
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
      data: { answers: [{ itemId: ownerItem.id, choice: "AWS" }] },
      expect: ownerOnly(200),
    },
    {
      method: "post",
      path: `/api/attempts/${submit.attemptId}/submit`,
      data: {},
      expect: ownerOnly(200),
    },
    {
      method: "post",
      path: "/api/practice-tests",
      data: { notes: ["aws-shield"], size: 5 },
      expect: signedIn(201),
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
    // A learner manages no team and is refused first; the others find no such team. (Deleting a
    // real one, 204, and another instructor's 403 are in audit-api.spec.ts.)
    { method: "delete", path: "/api/teams/no-such-team", expect: teamManagers(404) },
    { method: "get", path: `/api/teams/${assignedTeam.id}/assignments`, expect: teamManagers(200) },
    {
      method: "post",
      path: `/api/teams/${assignedTeam.id}/assignments`,
      data: { kind: "notes", noteSlugs: ["aws-shield"], targetMastery: "FAMILIAR", dueAt },
      expect: teamManagers(201),
    },
    { method: "patch", path: notesAssignment, data: { dueAt }, expect: teamManagers(200) },
    { method: "delete", path: `${notesAssignment}-gone`, expect: teamManagers(404) },
    {
      method: "put",
      path: `${notesAssignment}/extensions/${learnerId}`,
      data: { dueAt },
      expect: teamManagers(200),
    },
    {
      method: "delete",
      path: `${notesAssignment}/extensions/not-a-member`,
      expect: teamManagers(404),
    },
    { method: "get", path: `${notesAssignment}/export.csv`, expect: teamManagers(200) },
    { method: "get", path: "/api/me/assignments", expect: signedIn(200) },
    // The team's learners start its practice test; an instructor or admin is not one of them.
    {
      method: "post",
      path: `/api/me/assignments/${practiceId}/attempts`,
      expect: { anonymous: 401, learner: 201, instructor: 404, admin: 404 },
    },
    // Anyone signed in may report an item, once while the report is open.
    {
      method: "post",
      path: `/api/items/${ownerItem.id}/reports`,
      data: { reason: "wrong_owner", comment: "Matrix check" },
      expect: signedIn(201),
    },
    { method: "get", path: `/api/teams/${team.id}/reports`, expect: teamManagers(200) },
    // The reporter is no instructor: only admins and the instructors of their teams may resolve.
    {
      method: "patch",
      path: `/api/reports/${report.id}`,
      data: { resolved: false },
      expect: { anonymous: 401, learner: 403, instructor: 200, admin: 200 },
    },
    {
      method: "get",
      path: "/api/admin/users",
      expect: { anonymous: 401, learner: 403, instructor: 403, admin: 200 },
    },
    // Signed out or in, the same answer: whether an account has the email is never told.
    {
      method: "post",
      path: "/api/auth/password-reset",
      data: { email: "matrix-nobody@example.com" },
      expect: all(202),
    },
    {
      method: "post",
      path: "/api/auth/password-reset/confirm",
      data: { token: "A".repeat(43), password: "irrelevant-password" },
      expect: all(400),
    },
    {
      method: "post",
      path: `/api/admin/users/${learnerId}/reset-link`,
      expect: { anonymous: 401, learner: 403, instructor: 403, admin: 201 },
    },
    {
      method: "get",
      path: "/api/admin/audit?action=role.change",
      expect: { anonymous: 401, learner: 403, instructor: 403, admin: 200 },
    },
    {
      method: "get",
      path: "/api/admin/audit.csv?action=role.change",
      expect: { anonymous: 401, learner: 403, instructor: 403, admin: 200 },
    },
    {
      method: "patch",
      path: `/api/admin/users/${learnerId}`,
      data: { role: "LEARNER" },
      expect: { anonymous: 401, learner: 403, instructor: 403, admin: 200 },
    },
    {
      method: "get",
      path: "/api/admin/blocked-identities",
      expect: { anonymous: 401, learner: 403, instructor: 403, admin: 200 },
    },
    // No such block (blocks come from deleting an SSO account: e2e/sso.spec.ts lifts a real one):
    // an admin hears so, anyone else is refused before the lookup.
    {
      method: "delete",
      path: "/api/admin/blocked-identities/no-such-block",
      expect: { anonymous: 401, learner: 403, instructor: 403, admin: 404 },
    },
    {
      method: "delete",
      path: "/api/me",
      as: doomed,
      data: { password: doomedPassword },
      expect: signedIn(204),
    },
    // The admin comes last: the others are refused while the account still exists.
    {
      method: "delete",
      path: `/api/admin/users/${deletableId}`,
      expect: { anonymous: 401, learner: 403, instructor: 403, admin: 204 },
    },
  ];
});

test.afterAll(async () => {
  for (const context of [...Object.values(contexts), ...throwaway]) await context.dispose();
});

test("[ACCESS] every JSON route × every role gets the expected status, and no response leaks a hash or another's answers", async () => {
  let cases = 0;
  for (const route of routes) {
    for (const role of ROLES) {
      const response = await (route.as ?? contexts)[role][route.method](
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

/**
 * Every method of every route file under app/api, as a pattern its paths match. next-auth's own
 * handler is left out: the app does not write it, and every journey signs in through it.
 */
function servedRoutes(): Array<{ method: Route["method"]; pattern: RegExp; file: string }> {
  const files = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((entry) =>
        entry.isDirectory()
          ? files(path.join(dir, entry.name))
          : entry.name === "route.ts"
            ? [path.join(dir, entry.name)]
            : [],
      );
  return files(path.join("app", "api"))
    .filter((file) => !file.includes("[...nextauth]"))
    .flatMap((file) => {
      const segments = path.dirname(file).split(path.sep).slice(1);
      const pattern = new RegExp(
        `^/${segments
          .map((s) => (s.startsWith("[") ? "[^/]+" : s.replace(/[.]/g, "\\.")))
          .join("/")}$`,
      );
      const source = fs.readFileSync(file, "utf8");
      return [
        ...source.matchAll(
          /export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g,
        ),
      ].map((match) => ({ method: match[1].toLowerCase() as Route["method"], pattern, file }));
    });
}

test("[ACCESS] the matrix holds every method of every JSON route the app serves", () => {
  const served = servedRoutes();
  expect(served.length).toBeGreaterThan(30);
  const missing = served.filter(
    (r) => !routes.some((m) => m.method === r.method && r.pattern.test(m.path.split("?")[0])),
  );
  expect(missing.map((r) => `${r.method.toUpperCase()} ${r.file}`)).toEqual([]);
});
