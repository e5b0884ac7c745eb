import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIResponse } from "@playwright/test";
import { DEMO_PASSWORD, newLearner, SEED_SLUG, signIn } from "../fixtures";

/** Every page route in app/, as its URL pattern: route groups dropped, `[param]` kept. */
function appPageRoutes(): string[] {
  return fs
    .readdirSync("app", { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "page.tsx")
    .map(
      (file) =>
        "/" +
        path
          .dirname(file)
          .split(path.sep)
          .filter((segment) => segment !== "." && !/^\(.+\)$/.test(segment))
          .join("/"),
    )
    .sort();
}

function expectSecurityHeaders(response: APIResponse, url: string) {
  const headers = response.headers();
  expect(headers["x-content-type-options"], url).toBe("nosniff");
  expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], url).toBe("DENY");
  expect(headers["permissions-policy"], url).toContain("camera=()");
  expect(headers["strict-transport-security"], url).toContain("max-age=");
  const policy = headers["content-security-policy"] ?? "";
  expect(policy, url).toContain("default-src 'self'");
  expect(policy, url).toContain("frame-ancestors 'none'");
  expect(policy, url).not.toContain("unsafe-eval");
  return policy;
}

/** A page built once: the script policy allows inline scripts, and nothing on the page has a nonce. */
async function expectPrerendered(response: APIResponse, url: string) {
  expect(response.status(), url).toBe(200);
  expect(response.headers()["content-type"], url).toMatch(/^text\/html/);
  // Next marks a page rendered per request as uncacheable, and a prerendered one as cacheable.
  expect(response.headers()["cache-control"], url).not.toContain("no-store");
  const policy = expectSecurityHeaders(response, url);
  expect(policy, url).toContain("script-src 'self' 'unsafe-inline';");
  expect(policy, url).not.toContain("nonce-");
  expect(await response.text(), url).not.toContain("nonce=");
}

/** A page rendered for this request: its scripts carry the nonce that its policy names. */
async function expectRenderedWithNonce(response: APIResponse, url: string): Promise<string> {
  expect(response.status(), url).toBe(200);
  expect(response.headers()["content-type"], url).toMatch(/^text\/html/);
  expect(response.headers()["cache-control"], url).toContain("no-store");
  const policy = expectSecurityHeaders(response, url);
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)';/.exec(policy)?.[1];
  expect(nonce, url).toBeTruthy();
  expect(policy, url).not.toContain("unsafe-inline'; style");

  const html = await response.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  const nonces = new Set([...html.matchAll(/\bnonce="([^"]*)"/g)].map((m) => m[1]));
  expect([...nonces], url).toEqual([nonce]);
  expect(scripts.filter((tag) => tag.includes(`nonce="${nonce}"`)).length, url).toBeGreaterThan(0);
  // Inline scripts need the nonce; only a file of our own (theme.js) may go without: 'self' allows it.
  const inlineWithoutNonce = scripts.filter((tag) => !/\bsrc=/.test(tag) && !/\bnonce=/.test(tag));
  expect(inlineWithoutNonce, url).toEqual([]);
  return nonce ?? "";
}

test("[READER] every lesson and tag page is served as built, with the security headers and no nonce", async ({
  request,
}) => {
  const index = (await (await request.get("/search-index.json")).json()) as Array<{
    id: string;
    tags: string;
  }>;
  const lessons = index.map((document) => `/lessons/${document.id}`);
  const tags = [...new Set(index.flatMap((document) => document.tags.split(/\s+/)))]
    .filter(Boolean)
    .map((tag) => `/tags/${tag}`);
  expect(lessons).toContain(`/lessons/${SEED_SLUG}`);
  expect(tags.length).toBeGreaterThan(1);

  const urls = ["/lessons", "/signout", ...lessons, ...tags];
  test.info().annotations.push({ type: "cases", description: String(urls.length + 3) });
  for (const url of urls) await expectPrerendered(await request.get(url), url);

  const lesson = await (await request.get(`/lessons/${SEED_SLUG}`)).text();
  expect(lesson).toContain("<title>AWS Shared Responsibility Model");
  // A link followed inside the app fetches the page's payload, with the same headers.
  const payload = await request.get(`/lessons/${SEED_SLUG}`, { headers: { RSC: "1" } });
  expect(payload.status()).toBe(200);
  expect(payload.headers()["content-type"]).toBe("text/x-component");
  expectSecurityHeaders(payload, "RSC payload");

  for (const url of ["/lessons/no-such-lesson", "/tags/no-such-tag", "/no-such-page"]) {
    const missing = await request.get(url);
    expect(missing.status(), url).toBe(404);
    expect(expectSecurityHeaders(missing, url)).toContain("script-src 'self' 'unsafe-inline';");
  }
});

test("[READER] a renamed lesson's old address, and its quiz's, move permanently to the new one", async ({
  request,
}) => {
  // "Amazon CloudTrail" is AWS CloudTrail now (frontmatter formerSlugs): old links keep working.
  for (const [from, to] of [
    ["/lessons/amazon-cloudtrail", "/lessons/aws-cloudtrail"],
    ["/quiz/amazon-cloudtrail", "/quiz/aws-cloudtrail"],
  ]) {
    const moved = await request.get(from, { maxRedirects: 0 });
    expect(moved.status(), from).toBe(308);
    expect(new URL(moved.headers()["location"], "http://x").pathname, from).toBe(to);
  }
});

test("[LEARNER] pages rendered per request get a fresh nonce, and their scripts carry it", async ({
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const admin = await playwright.request.newContext({ baseURL });
  const learner = await playwright.request.newContext({ baseURL });
  await signIn(admin, "admin@example.com", DEMO_PASSWORD);
  const created = await admin.post("/api/teams", { data: { name: "Nonce Team" } });
  expect(created.status()).toBe(201);
  const { id: teamId, inviteCode } = (await created.json()) as { id: string; inviteCode: string };
  const { id: learnerId } = await newLearner(learner);
  const practice = (await (
    await learner.post("/api/practice-tests", { data: { size: 5 } })
  ).json()) as { attemptId: string };
  expect((await learner.post("/api/teams/join", { data: { code: inviteCode } })).status()).toBe(
    200,
  );
  const assignment = (await (
    await admin.post(`/api/teams/${teamId}/assignments`, {
      data: {
        kind: "notes",
        noteSlugs: ["aws-iam"],
        targetMastery: "FAMILIAR",
        dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    })
  ).json()) as { id: string };

  // One URL for each page route that is rendered per request, and who asks for it.
  const perRequest = {
    // The home page reads the session: a newcomer's page or the learner's own.
    "/": { url: "/", as: anonymous },
    "/signin": { url: "/signin", as: anonymous },
    "/signup": { url: "/signup", as: anonymous },
    "/forgot-password": { url: "/forgot-password", as: anonymous },
    "/reset-password": { url: "/reset-password?token=from-the-email", as: anonymous },
    "/verify-email": { url: "/verify-email?token=from-the-email", as: anonymous },
    "/join/[code]": { url: `/join/${inviteCode}`, as: anonymous },
    "/account": { url: "/account", as: learner },
    "/assignments/[id]": { url: `/assignments/${assignment.id}`, as: learner },
    "/authoring/preview": { url: "/authoring/preview", as: admin },
    "/progress": { url: "/progress", as: learner },
    "/review": { url: "/review", as: learner },
    "/practice": { url: "/practice", as: learner },
    "/practice/[attemptId]": { url: `/practice/${practice.attemptId}`, as: learner },
    "/quiz/[slug]": { url: "/quiz/aws-iam", as: learner },
    "/teams": { url: "/teams", as: admin },
    "/teams/[id]": { url: `/teams/${teamId}`, as: admin },
    "/teams/[id]/learners/[userId]": { url: `/teams/${teamId}/learners/${learnerId}`, as: admin },
    "/admin/users": { url: "/admin/users", as: admin },
    "/admin/reports": { url: "/admin/reports", as: admin },
    "/admin/audit": { url: "/admin/audit", as: admin },
  };
  // With the prerendered pages of the test above, this covers every page in app/: a page gets a nonce
  // if and only if it is rendered per request.
  const prerendered = ["/lessons", "/signout", "/lessons/[slug]", "/tags/[tag]"];
  expect([...prerendered, ...Object.keys(perRequest)].sort()).toEqual(appPageRoutes());

  test.info().annotations.push({
    type: "cases",
    description: String(Object.keys(perRequest).length + 1),
  });
  for (const { url, as } of Object.values(perRequest))
    await expectRenderedWithNonce(await as.get(url, { maxRedirects: 0 }), url);

  const first = await expectRenderedWithNonce(await anonymous.get("/signin"), "/signin");
  const second = await expectRenderedWithNonce(await anonymous.get("/signin"), "/signin");
  expect(first).not.toBe(second);

  // An unknown quiz is a 404 rendered per request: it still gets the headers, with a nonce.
  const missing = await learner.get("/quiz/no-such-quiz");
  expect(missing.status()).toBe(404);
  expect(expectSecurityHeaders(missing, "/quiz/no-such-quiz")).toMatch(/'nonce-[^']+'/);

  for (const context of [anonymous, admin, learner]) await context.dispose();
});
