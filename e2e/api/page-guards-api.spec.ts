import { expect, test, type APIRequestContext } from "@playwright/test";
import { newLearner, signIn } from "../fixtures";

type Who = "anonymous" | "member" | "instructor" | "admin";
const who = {} as Record<Who, APIRequestContext>;
/** A team of the demo instructor's, and one of the admin's, which that instructor has no part in. */
let teamId = "";
let adminTeamId = "";
let memberId = "";
/** An assignment of the instructor's team, which the member belongs to. */
let assignmentId = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ playwright, baseURL }) => {
  for (const name of ["anonymous", "member", "instructor", "admin"] as Who[])
    who[name] = await playwright.request.newContext({ baseURL });
  await signIn(who.instructor, "instructor@example.com");
  await signIn(who.admin, "admin@example.com");
  memberId = (await newLearner(who.member, "Guarded Member")).id;
  // Teams of this spec's own: others rotate the demo team's invite code while this one runs.
  const teamOf = async (owner: APIRequestContext, name: string) => {
    const team = (await (await owner.post("/api/teams", { data: { name } })).json()) as {
      id: string;
      inviteCode: string;
    };
    const joined = await who.member.post("/api/teams/join", { data: { code: team.inviteCode } });
    expect(joined.status()).toBe(200);
    return team.id;
  };
  teamId = await teamOf(who.instructor, "Guarded team");
  adminTeamId = await teamOf(who.admin, "Admin's own team");
  const assigned = await who.instructor.post(`/api/teams/${teamId}/assignments`, {
    data: {
      kind: "notes",
      noteSlugs: ["aws-iam"],
      targetMastery: "FAMILIAR",
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
    },
  });
  expect(assigned.status()).toBe(201);
  assignmentId = ((await assigned.json()) as { id: string }).id;
});

test.afterAll(async () => {
  for (const context of Object.values(who)) await context.dispose();
});

test("[ANONYMOUS] every page that needs a person redirects to sign in, with its path encoded", async () => {
  const paths = [
    "/quiz/aws-iam",
    "/quiz/aws-iam?attempt=some-attempt",
    "/review",
    "/practice",
    "/practice/some-attempt",
    "/progress",
    "/account",
    "/assignments/some-assignment",
    "/authoring/preview",
    "/teams",
    `/teams/${teamId}`,
    `/teams/${teamId}/learners/${memberId}`,
    "/admin/users",
    "/admin/reports",
    "/admin/audit",
    "/admin/audit?action=role.change",
  ];
  for (const path of paths) {
    const response = await who.anonymous.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers()["location"], path).toBe(
      `/signin?callbackUrl=${encodeURIComponent(path)}`,
    );
  }
  test.info().annotations.push({ type: "cases", description: String(paths.length) });
});

test("[ACCESS] a page for a role or for a team's managers is a 404 to everyone else", async () => {
  const cases: Array<{ path: string; expect: Record<Exclude<Who, "anonymous">, number> }> = [
    { path: "/admin/users", expect: { member: 404, instructor: 404, admin: 200 } },
    { path: "/admin/reports", expect: { member: 404, instructor: 404, admin: 200 } },
    { path: "/admin/audit", expect: { member: 404, instructor: 404, admin: 200 } },
    { path: "/authoring/preview", expect: { member: 404, instructor: 200, admin: 200 } },
    // A member of the team is no manager of it, and an instructor's role opens no other team.
    { path: `/teams/${teamId}`, expect: { member: 404, instructor: 200, admin: 200 } },
    { path: `/teams/${adminTeamId}`, expect: { member: 404, instructor: 404, admin: 200 } },
    {
      path: `/teams/${teamId}/learners/${memberId}`,
      expect: { member: 404, instructor: 200, admin: 200 },
    },
    {
      path: `/teams/${adminTeamId}/learners/${memberId}`,
      expect: { member: 404, instructor: 404, admin: 200 },
    },
    { path: "/teams/no-such-team", expect: { member: 404, instructor: 404, admin: 404 } },
    // An assignment is its learners' page: the team's instructors and admins follow it on the
    // dashboard, and to anyone outside its learners it does not exist.
    {
      path: `/assignments/${assignmentId}`,
      expect: { member: 200, instructor: 404, admin: 404 },
    },
    {
      path: "/assignments/no-such-assignment",
      expect: { member: 404, instructor: 404, admin: 404 },
    },
  ];
  let count = 0;
  for (const c of cases) {
    for (const [name, status] of Object.entries(c.expect) as Array<[Who, number]>) {
      const response = await who[name].get(c.path, { maxRedirects: 0 });
      expect(response.status(), `${name} ${c.path}`).toBe(status);
      if (status === 404) expect(await response.text()).toContain("Page not found");
      count++;
    }
  }
  test.info().annotations.push({ type: "cases", description: String(count) });
});
