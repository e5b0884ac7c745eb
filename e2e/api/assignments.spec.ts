import { expect, test, type APIRequest, type APIRequestContext } from "@playwright/test";
import { newLearner, SEED_SLUG, signIn } from "../fixtures";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let instructor: APIRequestContext;
let ada: APIRequestContext;
let bob: APIRequestContext;
let bobId = "";
let teamPath = "";
const dueAt = new Date(Date.now() + DAY).toISOString();

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ playwright, baseURL }) => {
  [instructor, ada, bob] = await Promise.all(
    [0, 1, 2].map(() => playwright.request.newContext({ baseURL })),
  );
  await signIn(instructor, "instructor@example.com");
  await newLearner(ada, "Ada Assigned");
  bobId = (await newLearner(bob, "Bob Assigned")).id;
  const team = (await (
    await instructor.post("/api/teams", { data: { name: "Assignments API team" } })
  ).json()) as { id: string; inviteCode: string };
  teamPath = `/api/teams/${team.id}/assignments`;
  for (const learner of [ada, bob]) {
    expect(
      (await learner.post("/api/teams/join", { data: { code: team.inviteCode } })).status(),
    ).toBe(200);
  }
});

test.afterAll(async () => {
  for (const context of [instructor, ada, bob]) await context.dispose();
});

/** A copy of a signed-in context whose requests carry the test clock's cookie (server/clock.ts). */
async function at(
  playwright: { request: APIRequest },
  baseURL: string | undefined,
  context: APIRequestContext,
  when: Date,
) {
  const state = await context.storageState();
  return playwright.request.newContext({
    baseURL,
    storageState: {
      ...state,
      cookies: [
        ...state.cookies,
        {
          name: "test-now",
          value: when.toISOString(),
          domain: "localhost",
          path: "/",
          expires: -1,
          httpOnly: false,
          secure: false,
          sameSite: "Lax",
        },
      ],
    },
  });
}

async function assign(data: object): Promise<string> {
  const response = await instructor.post(teamPath, { data });
  expect(response.status()).toBe(201);
  const body = (await response.json()) as { id: string };
  expect(Object.keys(body)).toEqual(["id"]);
  return body.id;
}

interface Mine {
  id: string;
  status: string;
  dueAt: string;
  extended: boolean;
}
const mine = async (context: APIRequestContext, id: string) =>
  ((await (await context.get("/api/me/assignments")).json()) as Mine[]).find((a) => a.id === id);

test("[INSTRUCTOR] sets notes and a practice test; the learners list them with their status", async () => {
  const notes = await assign({
    kind: "notes",
    noteSlugs: [SEED_SLUG],
    targetMastery: "PROFICIENT",
    dueAt,
  });
  const practice = await assign({
    kind: "practice",
    noteSlugs: [SEED_SLUG],
    size: 5,
    attemptsAllowed: 1,
    reviewAnswers: "after_due",
    dueAt,
  });

  const list = await ada.get("/api/me/assignments");
  expect(list.status()).toBe(200);
  const rows = (await list.json()) as Array<Record<string, unknown>>;
  expect(rows.find((a) => a.id === notes)).toEqual({
    id: notes,
    teamId: expect.any(String),
    kind: "notes",
    title: expect.stringMatching(/ — Proficient$/),
    dueAt,
    status: "not_started",
    href: `/quiz/${SEED_SLUG}`,
    extended: false,
  });
  expect(rows.find((a) => a.id === practice)).toMatchObject({
    kind: "practice",
    href: `/assignments/${practice}`,
  });

  const started = await ada.post(`/api/me/assignments/${practice}/attempts`);
  expect(started.status()).toBe(201);
  const { attemptId } = (await started.json()) as { attemptId: string };
  expect((await ada.post(`/api/me/assignments/${practice}/attempts`)).status()).toBe(201);
  expect(await mine(ada, practice)).toMatchObject({ status: "in_progress" });
  expect((await ada.post(`/api/attempts/${attemptId}/submit`, { data: {} })).status()).toBe(200);
  expect(await mine(ada, practice)).toMatchObject({ status: "done" });
  const noneLeft = await ada.post(`/api/me/assignments/${practice}/attempts`);
  expect(noneLeft.status()).toBe(409);
  expect((await noneLeft.json()).error.code).toBe("no_attempts_left");
  const notPractice = await ada.post(`/api/me/assignments/${notes}/attempts`);
  expect(notPractice.status()).toBe(409);
  expect((await notPractice.json()).error.code).toBe("not_practice");

  const team = (await (await instructor.get(teamPath)).json()) as Array<{
    id: string;
    counts: Record<string, number>;
    learners: Array<{ name: string; status: string }>;
  }>;
  expect(team.find((a) => a.id === practice)?.counts).toEqual({
    not_started: 1,
    in_progress: 0,
    done: 1,
    overdue: 0,
  });

  const csv = await instructor.get(`${teamPath}/${practice}/export.csv`);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const lines = (await csv.text()).split("\r\n");
  expect(lines[0]).toBe(
    "\uFEFFlearner,email,status,due_at,extended,completed_at,attempts,best_score",
  );
  expect(lines[1]).toMatch(/^Ada Assigned,learner-\w+@example\.com,done,/);
});

test("[INSTRUCTOR] the test clock makes a learner overdue; an extension lifts it for them alone", async ({
  playwright,
  baseURL,
}) => {
  const id = await assign({
    kind: "notes",
    noteSlugs: [SEED_SLUG],
    targetMastery: "MASTERED",
    dueAt,
  });
  const afterDue = new Date(Date.parse(dueAt) + HOUR);
  const [adaLater, bobLater] = [
    await at(playwright, baseURL, ada, afterDue),
    await at(playwright, baseURL, bob, afterDue),
  ];
  expect(await mine(bob, id)).toMatchObject({ status: "not_started" });
  expect(await mine(bobLater, id)).toMatchObject({ status: "overdue" });

  const extended = new Date(Date.parse(dueAt) + 2 * DAY).toISOString();
  const granted = await instructor.put(`${teamPath}/${id}/extensions/${bobId}`, {
    data: { dueAt: extended },
  });
  expect(granted.status()).toBe(200);
  expect(await granted.json()).toEqual({ assignmentId: id, userId: bobId, dueAt: extended });
  expect(await mine(bobLater, id)).toEqual(
    expect.objectContaining({ status: "not_started", dueAt: extended, extended: true }),
  );
  expect(await mine(adaLater, id)).toMatchObject({ status: "overdue", extended: false });

  const withdrawn = await instructor.delete(`${teamPath}/${id}/extensions/${bobId}`);
  expect(withdrawn.status()).toBe(204);
  expect(await mine(bobLater, id)).toMatchObject({ status: "overdue", extended: false });
  for (const context of [adaLater, bobLater]) await context.dispose();
});

test("[INSTRUCTOR] bad input gets the error shape with its fields, and a deleted assignment is gone", async () => {
  const invalid = await instructor.post(teamPath, {
    data: { kind: "notes", noteSlugs: [], targetMastery: "EXPERT", dueAt: "tomorrow" },
  });
  expect(invalid.status()).toBe(422);
  const body = (await invalid.json()) as {
    error: { code: string; message: string; fields: Record<string, string[]> };
  };
  expect(body.error.code).toBe("validation_failed");
  expect(Object.keys(body.error.fields).sort()).toEqual(["dueAt", "noteSlugs", "targetMastery"]);

  const unknown = await instructor.post(teamPath, {
    data: { kind: "notes", noteSlugs: ["no-such-lesson"], targetMastery: "FAMILIAR", dueAt },
  });
  expect(unknown.status()).toBe(422);
  expect((await unknown.json()).error.fields).toEqual({
    noteSlugs: ["There is no lesson no-such-lesson"],
  });

  const id = await assign({
    kind: "notes",
    noteSlugs: [SEED_SLUG],
    targetMastery: "FAMILIAR",
    dueAt,
  });
  const otherKind = await instructor.patch(`${teamPath}/${id}`, { data: { size: 10 } });
  expect(otherKind.status()).toBe(422);
  expect(Object.keys((await otherKind.json()).error.fields)).toEqual(["size"]);
  const renamed = await instructor.patch(`${teamPath}/${id}`, {
    data: { title: "Read the model" },
  });
  expect(renamed.status()).toBe(200);
  expect(await renamed.json()).toMatchObject({ id, title: "Read the model", kind: "notes" });

  const notMember = await instructor.put(`${teamPath}/${id}/extensions/not-a-member`, {
    data: { dueAt },
  });
  expect(notMember.status()).toBe(404);
  expect(await notMember.json()).toEqual({
    error: { code: "not_found", message: "Member not found." },
  });

  // A learner is refused before the body is read: no 422 tells them what a valid one looks like.
  expect((await bob.post(teamPath, { data: { kind: "notes" } })).status()).toBe(403);
  expect((await bob.patch(`${teamPath}/${id}`, { data: { size: 10 } })).status()).toBe(403);
  expect((await instructor.delete(`${teamPath}/${id}`)).status()).toBe(204);
  expect(await mine(ada, id)).toBeUndefined();
  expect((await instructor.patch(`${teamPath}/${id}`, { data: { dueAt } })).status()).toBe(404);
});
