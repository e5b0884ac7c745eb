import { expect, type APIRequestContext } from "@playwright/test";
import { randomUUID } from "node:crypto";

export const DEMO_PASSWORD = "learn-aws-2026";
export const SEED_SLUG = "aws-shared-responsibility-model";

/** Signs in through next-auth's credentials endpoint, as the sign-in page does; cookies stay in `request`. */
export async function signIn(request: APIRequestContext, email: string, password = DEMO_PASSWORD) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(response.status());
  const session = (await (await request.get("/api/auth/session")).json()) as {
    user?: { email: string };
  };
  expect(session.user?.email).toBe(email.toLowerCase());
}

/** A new learner account, signed in on `request`. */
export async function newLearner(request: APIRequestContext, name = "Test Learner") {
  const email = `learner-${randomUUID().slice(0, 8)}@example.com`;
  const password = "correct-horse-battery";
  const response = await request.post("/api/auth/signup", { data: { email, password, name } });
  expect(response.status()).toBe(201);
  await signIn(request, email, password);
  return { email, password, id: ((await response.json()) as { id: string }).id };
}
