import { expect, type APIRequest, type APIRequestContext } from "@playwright/test";
import { randomInt, randomUUID } from "node:crypto";

export const DEMO_PASSWORD = "learn-aws-2026";
export const SEED_SLUG = "aws-shared-responsibility-model";

/**
 * A made-up client address (in 100.64.0.0/10, which no test names), as the load balancer in front of the test servers reports
 * it (they trust one hop): each learner the tests make comes from an address of its own, as real
 * learners do, so one test's throttle counts and rate limits never reach another's.
 */
function someAddress(): string {
  const n = randomInt(1, 65_535);
  return `100.64.${n >> 8}.${n & 255}`;
}

/** Signs in through next-auth's credentials endpoint, as the sign-in page does; cookies stay in `request`. */
export async function signIn(request: APIRequestContext, email: string, password = DEMO_PASSWORD) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    headers: { "x-forwarded-for": someAddress() },
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
  const response = await request.post("/api/auth/signup", {
    data: { email, password, name },
    headers: { "x-forwarded-for": someAddress() },
  });
  expect(response.status()).toBe(201);
  await signIn(request, email, password);
  return { email, password, id: ((await response.json()) as { id: string }).id };
}

/** A new learner account whose own session is closed again: someone else's, for attack tests. */
export async function newAccount(request: APIRequest, baseURL: string | undefined) {
  const owner = await request.newContext({ baseURL });
  const account = await newLearner(owner);
  await owner.dispose();
  return account;
}

/** A CSRF token for next-auth's forms, with its cookie kept in `request`. */
export async function csrfTokenOf(request: APIRequestContext, base = ""): Promise<string> {
  return ((await (await request.get(`${base}/api/auth/csrf`)).json()) as { csrfToken: string })
    .csrfToken;
}

/**
 * One sign-in try as the sign-in page makes it, from a made-up client address (the test servers
 * trust one proxy hop), so that each test's locks stay apart. `error` is what the page would show.
 */
export async function attemptSignIn(
  request: APIRequestContext,
  email: string,
  password: string,
  address: string,
  { base = "", csrf }: { base?: string; csrf?: string } = {},
) {
  const csrfToken = csrf ?? (await csrfTokenOf(request, base));
  const started = performance.now();
  const response = await request.post(`${base}/api/auth/callback/credentials`, {
    form: { csrfToken, email, password, json: "true" },
    headers: { "x-forwarded-for": address },
    maxRedirects: 0,
  });
  const ms = performance.now() - started;
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  return {
    status: response.status(),
    error: body.url ? new URL(body.url).searchParams.get("error") : null,
    ms,
  };
}

/**
 * An answer to every item: `owner` for the items answered with an owner, the first statement for
 * those answered with one of their options (split halves, a scenario's failed control).
 */
export function answerAll(
  items: Array<{ id: string; options?: Array<{ key: string }> }>,
  owner: "AWS" | "CUSTOMER" | "SHARED",
) {
  return items.map((item) =>
    item.options && item.options.length > 0
      ? { itemId: item.id, option: item.options[0].key }
      : { itemId: item.id, choice: owner },
  );
}
