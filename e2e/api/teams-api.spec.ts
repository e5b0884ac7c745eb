import { expect, test, type APIRequestContext } from "@playwright/test";
import { answerAll, newLearner, signIn } from "../fixtures";

type Actor = "anonymous" | "outsider" | "member" | "otherInstructor" | "instructor" | "admin";

const actors: Record<Actor, APIRequestContext> = {} as Record<Actor, APIRequestContext>;
const ids: Partial<Record<Actor, string>> = {};
let teamId = "";
let inviteCode = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ playwright, baseURL }) => {
  for (const actor of [
    "anonymous",
    "outsider",
    "member",
    "otherInstructor",
    "instructor",
    "admin",
  ] as Actor[]) {
    actors[actor] = await playwright.request.newContext({ baseURL });
  }
  await signIn(actors.admin, "admin@example.com");
  for (const actor of ["outsider", "member", "otherInstructor", "instructor"] as Actor[]) {
    ids[actor] = (await newLearner(actors[actor], actor)).id;
  }
  for (const actor of ["otherInstructor", "instructor"] as Actor[]) {
    const response = await actors.admin.patch(`/api/admin/users/${ids[actor]}`, {
      data: { role: "INSTRUCTOR" },
    });
    expect(response.status()).toBe(200);
  }
  // The role change applies on the next request: no new sign-in needed.
  const created = await actors.instructor.post("/api/teams", { data: { name: "Authz Team" } });
  expect(created.status()).toBe(201);
  ({ id: teamId, inviteCode } = (await created.json()) as { id: string; inviteCode: string });
  expect(
    (await actors.member.post("/api/teams/join", { data: { code: inviteCode } })).status(),
  ).toBe(200);
});

test.afterAll(async () => {
  for (const context of Object.values(actors)) await context.dispose();
});

const ALL: Actor[] = ["anonymous", "outsider", "member", "otherInstructor", "instructor", "admin"];

/** Expected status per actor; each call adds its requests to the test's case count for the report. */
function matrix(expected: Record<Actor, number>, requestsPerActor = 1) {
  const info = test.info();
  const previous = info.annotations.find((a) => a.type === "cases");
  const cases = Number(previous?.description ?? 0) + ALL.length * requestsPerActor;
  if (previous) previous.description = String(cases);
  else info.annotations.push({ type: "cases", description: String(cases) });
  return ALL.map((actor) => [actor, expected[actor]] as const);
}

test("[MATRIX] team progress and CSV export: only the team's instructors and admins", async () => {
  const expected = matrix(
    {
      anonymous: 401,
      outsider: 403,
      member: 403,
      otherInstructor: 403,
      instructor: 200,
      admin: 200,
    },
    2,
  );
  for (const path of [`/api/teams/${teamId}/progress`, `/api/teams/${teamId}/export.csv`]) {
    for (const [actor, status] of expected) {
      const response = await actors[actor].get(path);
      expect(response.status(), `${actor} GET ${path}`).toBe(status);
      if (status >= 400)
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
          status === 401 ? "unauthenticated" : "forbidden",
        );
    }
  }
  expect((await actors.admin.get("/api/teams/no-such-team/progress")).status()).toBe(404);
});

test("[MATRIX] creating a team: instructors and admins only", async () => {
  for (const [actor, status] of matrix({
    anonymous: 401,
    outsider: 403,
    member: 403,
    otherInstructor: 201,
    instructor: 201,
    admin: 201,
  })) {
    expect(
      (await actors[actor].post("/api/teams", { data: { name: `By ${actor}` } })).status(),
      actor,
    ).toBe(status);
  }
});

test("[MATRIX] listing teams shows invite codes only to the team's instructors and admins", async () => {
  expect((await actors.anonymous.get("/api/teams")).status()).toBe(401);
  const of = async (actor: Actor) =>
    (
      (await (await actors[actor].get("/api/teams")).json()) as Array<{
        id: string;
        name: string;
        role: string;
        inviteCode?: string;
      }>
    ).find((t) => t.id === teamId);
  expect(await of("instructor")).toEqual({
    id: teamId,
    name: "Authz Team",
    role: "instructor",
    inviteCode,
  });
  expect(await of("member")).toEqual({ id: teamId, name: "Authz Team", role: "member" });
  expect(await of("outsider")).toBeUndefined();
});

test("[MATRIX] rotating the invite code and removing a member", async () => {
  for (const [actor, status] of matrix({
    anonymous: 401,
    outsider: 403,
    member: 403,
    otherInstructor: 403,
    instructor: 200,
    admin: 200,
  })) {
    expect(
      (await actors[actor].post(`/api/teams/${teamId}/invite-code`)).status(),
      `${actor} rotate`,
    ).toBe(status);
  }
  const current = (
    (await (await actors.instructor.get("/api/teams")).json()) as Array<{
      id: string;
      inviteCode: string;
    }>
  ).find((t) => t.id === teamId)!.inviteCode;
  expect(current).not.toBe(inviteCode);
  const stale = await actors.outsider.post("/api/teams/join", { data: { code: inviteCode } });
  expect(stale.status()).toBe(404);

  for (const [actor, status] of matrix({
    anonymous: 401,
    outsider: 403,
    member: 403,
    otherInstructor: 403,
    instructor: 200,
    admin: 404,
  })) {
    // The instructor removes the member; the admin's attempt afterwards finds nobody to remove.
    expect(
      (await actors[actor].delete(`/api/teams/${teamId}/members/${ids.member}`)).status(),
      `${actor} remove`,
    ).toBe(status);
  }
  const rejoin = await actors.member.post("/api/teams/join", {
    data: { code: current.toLowerCase() },
  });
  expect(rejoin.status()).toBe(200);
  expect((await actors.member.post("/api/teams/join", { data: { code: current } })).status()).toBe(
    200,
  );
});

test("[MATRIX] user administration: admins only", async () => {
  for (const [actor, status] of matrix(
    {
      anonymous: 401,
      outsider: 403,
      member: 403,
      otherInstructor: 403,
      instructor: 403,
      admin: 200,
    },
    2,
  )) {
    expect((await actors[actor].get("/api/admin/users")).status(), `${actor} list users`).toBe(
      status,
    );
    expect(
      (
        await actors[actor].patch(`/api/admin/users/${ids.outsider}`, { data: { role: "LEARNER" } })
      ).status(),
      `${actor} change role`,
    ).toBe(status);
  }
});

test("[INSTRUCTOR] progress shows the member, with item analysis after a quiz", async () => {
  const { attemptId, items } = (await (
    await actors.member.post("/api/quizzes/aws-iam/attempts")
  ).json()) as { attemptId: string; items: Array<{ id: string; options: Array<{ key: string }> }> };
  await actors.member.post(`/api/attempts/${attemptId}/submit`, {
    data: { answers: answerAll(items, "AWS") },
  });
  const progress = (await (
    await actors.instructor.get(`/api/teams/${teamId}/progress`)
  ).json()) as {
    learners: Array<{
      userId: string;
      name: string;
      email: string;
      lessonsRead: number;
      quizzes: Array<{ slug: string; attempts: number; bestScore: number | null }>;
      mastery: Array<{ noteSlug: string; level: string }>;
      lastActiveAt: string | null;
      reviewsDue: number;
      overdue: boolean;
    }>;
    lessonCount: number;
    items: Array<{
      itemId: string;
      prompt: string;
      noteSlug: string;
      attempts: number;
      correctRate: number;
      commonWrongChoice: string | null;
    }>;
  };
  const learner = progress.learners.find((l) => l.userId === ids.member)!;
  expect(learner).toMatchObject({ name: "member", lessonsRead: 0 });
  expect(learner.quizzes.find((q) => q.slug === "aws-iam")).toEqual({
    slug: "aws-iam",
    attempts: 1,
    bestScore: expect.any(Number),
  });
  expect(learner.mastery.find((m) => m.noteSlug === "aws-iam")?.level).toBe("attempted");
  expect(learner.lastActiveAt).not.toBeNull();
  const mfa = progress.items.find((i) => i.prompt === "MFA Enforcement")!;
  expect(mfa).toEqual({
    itemId: expect.any(String),
    prompt: "MFA Enforcement",
    noteSlug: "aws-iam",
    attempts: 1,
    correctRate: 0,
    commonWrongChoice: "AWS",
    commonWrongRate: 1,
    kind: "service",
    label: "MFA Enforcement on AWS IAM",
    sureWrong: 0,
    commonWrong: { owner: "AWS" },
    // One learner's one answer: too few for a discrimination index or a facility flag.
    discrimination: null,
    flags: [],
  });
  expect(JSON.stringify(progress)).not.toMatch(/passwordHash|argon2/);

  expect(learner).toMatchObject({ reviewsDue: expect.any(Number), overdue: false });
  expect(learner.reviewsDue).toBeGreaterThan(0);
  expect(progress.lessonCount).toBeGreaterThan(progress.learners[0].quizzes.length);

  const csv = await actors.instructor.get(`/api/teams/${teamId}/export.csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  // Excel reads UTF-8 only after a byte order mark.
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).trim().split("\r\n");
  expect(lines[0]).toBe(
    "learner,email,note_slug,note,mastery,best_score,attempts,last_active_at," +
      "lessons_read,lessons_total,reviews_due,overdue," +
      "assign_right,service_right,matrix_right,split_right,scenario_right,sure_wrong",
  );
  // Owner items all AWS, each scenario's first statement, none said sure: a share right on the
  // service and scenario items (IAM is a service; its lesson has no plain control, matrix or split),
  // and nothing sure-but-wrong.
  expect(lines.find((l) => l.includes("aws-iam") && l.startsWith("member,"))).toMatch(
    new RegExp(
      `,Attempted,\\d+(\\.\\d)?,1,\\d{4}-[^,]+,0,${progress.lessonCount},\\d+,no,,\\d+,,,\\d+,0$`,
    ),
  );
});

test("[INSTRUCTOR] progress names each item's kind, the halves of Shared and confident mistakes", async () => {
  // A first attempt asks each Shared control's owner, the second its halves (fair-draw.ts).
  await actors.member.post("/api/quizzes/amazon-ebs/attempts");
  const { attemptId, items } = (await (
    await actors.member.post("/api/quizzes/amazon-ebs/attempts")
  ).json()) as {
    attemptId: string;
    items: Array<{
      id: string;
      kind: string;
      options: Array<{ key: string; text: string }>;
      split: { control: string; half: "AWS" | "CUSTOMER" } | null;
    }>;
  };
  const halves = items.filter((i) => i.split);
  expect(halves).toHaveLength(2);
  // Both halves given the same statement, sure: at least one of them is wrong.
  const picked = halves[0].options[0];
  const submitted = await actors.member.post(`/api/attempts/${attemptId}/submit`, {
    data: {
      answers: items.map((i) =>
        i.split
          ? { itemId: i.id, option: picked.key, confidence: "sure" }
          : i.options.length > 0
            ? { itemId: i.id, option: i.options[0].key, confidence: "unsure" }
            : { itemId: i.id, choice: "SHARED", confidence: "unsure" },
      ),
    },
  });
  expect(submitted.status()).toBe(200);
  const { results } = (await submitted.json()) as {
    results: Array<{ itemId: string; correct: boolean }>;
  };
  const wrongHalves = halves.filter((h) => !results.find((r) => r.itemId === h.id)!.correct);
  expect(wrongHalves.length).toBeGreaterThan(0);
  const wrongHalf = wrongHalves[0];

  const progress = (await (
    await actors.instructor.get(`/api/teams/${teamId}/progress`)
  ).json()) as {
    items: Array<{
      itemId: string;
      kind: string;
      label: string;
      correctRate: number;
      sureWrong: number;
      commonWrong: { owner: string } | { option: string } | null;
    }>;
    halves: Array<{
      noteSlug: string;
      control: string;
      aws: { attempts: number; correctRate: number } | null;
      customer: { attempts: number; correctRate: number } | null;
      missedMore: "AWS" | "CUSTOMER" | null;
    }>;
  };
  const row = progress.items.find((i) => i.itemId === wrongHalf.id)!;
  expect(row).toMatchObject({
    kind: "split",
    label: `${wrongHalf.split!.control} — ${wrongHalf.split!.half === "AWS" ? "AWS" : "Customer"} half`,
    correctRate: 0,
    sureWrong: 1,
    commonWrong: { option: picked.text },
  });
  expect(progress.halves).toEqual([
    {
      noteSlug: "amazon-ebs",
      control: halves[0].split!.control,
      aws: { itemId: expect.any(String), attempts: 1, correctRate: expect.any(Number) },
      customer: { itemId: expect.any(String), attempts: 1, correctRate: expect.any(Number) },
      missedMore: wrongHalves.length === 1 ? wrongHalf.split!.half : null,
    },
  ]);
  // Unsure wrong answers are wrong, but not confidently so.
  const assigned = progress.items.filter(
    (i) => i.kind === "service" && items.some((q) => q.id === i.itemId) && i.correctRate === 0,
  );
  expect(assigned.length).toBeGreaterThan(0);
  for (const item of assigned)
    expect(item).toMatchObject({ sureWrong: 0, commonWrong: { owner: "SHARED" } });
});

test("[JUNK] bad team, role and sign-up input gets a clear 4xx and writes nothing", async () => {
  test.info().annotations.push({ type: "cases", description: "11" });
  const teamsBefore = ((await (await actors.instructor.get("/api/teams")).json()) as unknown[])
    .length;

  const longName = await actors.instructor.post("/api/teams", {
    data: { name: "x".repeat(10_000) },
  });
  expect(longName.status()).toBe(422);
  expect(
    ((await longName.json()) as { error: { fields: Record<string, string[]> } }).error.fields
      .name[0],
  ).toMatch(/at most 80/);
  expect((await actors.instructor.post("/api/teams", { data: { name: "   " } })).status()).toBe(
    422,
  );
  expect(
    (await actors.outsider.post("/api/teams/join", { data: { code: "NOPE-NOPE" } })).status(),
  ).toBe(404);
  expect((await actors.outsider.post("/api/teams/join", { data: {} })).status()).toBe(422);
  const badRole = await actors.admin.patch(`/api/admin/users/${ids.outsider}`, {
    data: { role: "SUPERUSER" },
  });
  expect(badRole.status()).toBe(422);
  expect(
    ((await badRole.json()) as { error: { fields: Record<string, string[]> } }).error.fields
      .role[0],
  ).toContain("LEARNER, INSTRUCTOR, ADMIN");
  expect(
    (
      await actors.admin.patch("/api/admin/users/no-such-user", { data: { role: "LEARNER" } })
    ).status(),
  ).toBe(404);
  for (const data of [
    { email: "weak@example.com", password: "short", name: "Weak" },
    { email: "not-an-email", password: "long-enough-pw", name: "Bad" },
    { email: "admin@EXAMPLE.com", password: "long-enough-pw", name: "Dup" },
    { email: "long@example.com", password: "long-enough-pw", name: "x".repeat(10_000) },
  ]) {
    const response = await actors.anonymous.post("/api/auth/signup", { data });
    expect([409, 422]).toContain(response.status());
  }

  // None of the refused sign-ups exists (other specs add accounts in parallel, so no total count).
  const emails = (
    (await (await actors.admin.get("/api/admin/users")).json()) as Array<{ email: string }>
  ).map((u) => u.email);
  for (const refused of ["weak@example.com", "not-an-email", "long@example.com"])
    expect(emails).not.toContain(refused);
  expect(emails.filter((e) => e === "admin@example.com")).toHaveLength(1);
  expect(((await (await actors.instructor.get("/api/teams")).json()) as unknown[]).length).toBe(
    teamsBefore,
  );
  const outsider = (
    (await (await actors.admin.get("/api/admin/users")).json()) as Array<{
      id: string;
      role: string;
    }>
  ).find((u) => u.id === ids.outsider);
  expect(outsider?.role).toBe("LEARNER");
});
