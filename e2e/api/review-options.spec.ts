import { expect, test } from "@playwright/test";
import { answerAll, newLearner, SEED_SLUG, signIn } from "../fixtures";

type Result = Record<string, unknown>;
type Graded = {
  score: { correct: number; total: number };
  results: Result[];
  review: { answersShown: boolean; shownFrom: string | null };
};

test("[LEARNER] sees an after-due test's right answers only once its due date has passed", async ({
  playwright,
  baseURL,
}) => {
  const instructor = await playwright.request.newContext({ baseURL });
  const learner = await playwright.request.newContext({ baseURL });
  await signIn(instructor, "instructor@example.com");
  await newLearner(learner, "Withheld Learner");
  // A team of the spec's own, so that its assignment shows in no other spec's lists.
  const team = (await (
    await instructor.post("/api/teams", { data: { name: "Review options" } })
  ).json()) as { id: string; inviteCode: string };
  expect(
    (await learner.post("/api/teams/join", { data: { code: team.inviteCode } })).status(),
  ).toBe(200);

  const dueAt = new Date(Date.now() + 86_400_000).toISOString();
  const created = await instructor.post(`/api/teams/${team.id}/assignments`, {
    data: {
      kind: "practice",
      noteSlugs: [SEED_SLUG],
      size: 5,
      attemptsAllowed: 1,
      reviewAnswers: "after_due",
      dueAt,
    },
  });
  expect(created.status()).toBe(201);
  const { id: assignmentId } = (await created.json()) as { id: string };

  const started = await learner.post(`/api/me/assignments/${assignmentId}/attempts`);
  expect(started.status()).toBe(201);
  const { attemptId } = (await started.json()) as { attemptId: string };
  const open = (await (await learner.get(`/api/attempts/${attemptId}`)).json()) as {
    items: Array<{ id: string; options: Array<{ key: string }> }>;
  };
  const submit = await learner.post(`/api/attempts/${attemptId}/submit`, {
    data: { answers: answerAll(open.items, "AWS") },
  });
  expect(submit.status()).toBe(200);

  // Before the due date: the score and the learner's own answers, nothing that tells which were right.
  const submitted = (await submit.json()) as Graded;
  expect(submitted.review).toEqual({ answersShown: false, shownFrom: dueAt });
  expect(submitted.score.total).toBe(5);
  for (const result of submitted.results)
    expect(Object.keys(result).sort()).toEqual(["choice", "confidence", "itemId", "option"]);
  const before = await (await learner.get(`/api/attempts/${attemptId}`)).json();
  expect(before).toMatchObject({ result: submitted, sections: null, byNote: null, byKind: null });
  expect(JSON.stringify(before)).not.toMatch(/"expected|"explanation|"lessonHref/);

  // The same request from a clock past the due date (the test server's TEST_CLOCK cookie).
  const later = await playwright.request.newContext({
    baseURL,
    storageState: {
      cookies: [
        ...(await learner.storageState()).cookies,
        {
          name: "test-now",
          value: new Date(Date.parse(dueAt) + 60_000).toISOString(),
          domain: new URL(baseURL!).hostname,
          path: "/",
          expires: -1,
          httpOnly: false,
          secure: false,
          sameSite: "Lax",
        },
      ],
      origins: [],
    },
  });
  const after = (await (await later.get(`/api/attempts/${attemptId}`)).json()) as {
    result: Graded;
    sections: unknown[] | null;
  };
  expect(after.result.review).toEqual({ answersShown: true, shownFrom: dueAt });
  expect(after.result.score).toEqual(submitted.score);
  expect(after.sections).not.toBeNull();
  for (const result of after.result.results)
    expect(result).toMatchObject({
      correct: expect.any(Boolean),
      expected: expect.stringMatching(/^(AWS|CUSTOMER|SHARED)$/),
      explanation: expect.any(String),
    });

  for (const context of [instructor, learner, later]) await context.dispose();
});
