import { expect, test } from "@playwright/test";
import { SECOND_URL } from "../../playwright.config";
import { newLearner, SEED_SLUG } from "../fixtures";

test("[LEARNER] signs in on one instance and continues the same attempt on another", async ({
  request,
  baseURL,
}) => {
  await newLearner(request);
  const { attemptId, items } = (await (
    await request.post(`${baseURL}/api/quizzes/${SEED_SLUG}/attempts`)
  ).json()) as { attemptId: string; items: Array<{ id: string }> };
  await request.put(`${baseURL}/api/attempts/${attemptId}/answers`, {
    data: { answers: [{ itemId: items[0].id, choice: "AWS" }] },
  });

  // Same session cookie, other instance: the session and the attempt live in the shared database.
  const onSecond = await request.get(`${SECOND_URL}/api/attempts/${attemptId}`);
  expect(onSecond.status()).toBe(200);
  const attempt = (await onSecond.json()) as {
    answers: Array<{ itemId: string; choice: string | null }>;
  };
  expect(attempt.answers.find((a) => a.itemId === items[0].id)?.choice).toBe("AWS");

  const save = await request.put(`${SECOND_URL}/api/attempts/${attemptId}/answers`, {
    headers: { origin: SECOND_URL },
    data: { answers: [{ itemId: items[1].id, choice: "SHARED" }] },
  });
  expect(save.status()).toBe(200);
  const submit = await request.post(`${baseURL}/api/attempts/${attemptId}/submit`, { data: {} });
  const graded = (await submit.json()) as {
    results: Array<{ itemId: string; choice: string | null }>;
  };
  expect(graded.results.filter((r) => r.choice !== null)).toHaveLength(2);
});

test("[SESSION] signing out ends the session on every instance", async ({
  request,
  baseURL,
  playwright,
}) => {
  await newLearner(request);
  const state = await request.storageState();
  const { csrfToken } = (await (await request.get(`${baseURL}/api/auth/csrf`)).json()) as {
    csrfToken: string;
  };
  await request.post(`${baseURL}/api/auth/signout`, { form: { csrfToken, json: "true" } });

  // Replay the old session cookie: it must no longer work anywhere.
  const replay = await playwright.request.newContext({ storageState: state });
  expect((await replay.get(`${baseURL}/api/me/progress`)).status()).toBe(401);
  expect((await replay.get(`${SECOND_URL}/api/me/progress`)).status()).toBe(401);
  await replay.dispose();
});
