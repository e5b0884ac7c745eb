import { expect, test, type APIRequestContext } from "@playwright/test";
import { csrfTokenOf, newLearner, signIn } from "../fixtures";

/** callbackUrls that are not a URL at all, or lead off the site. */
const HOSTILE = [
  "nonsense",
  "%ZZ",
  "http://[::1",
  "http://",
  "https://",
  "javascript:alert(1)",
  "https://evil.example/steal",
  "//evil.example/steal",
  "/\\evil.example/steal",
  "/\t/evil.example/steal",
  "https://localhost@evil.example/",
];

async function progressStatus(request: APIRequestContext): Promise<number> {
  return (await request.get("/api/me/progress")).status();
}

test("[ATTACKER] a malformed or hostile callbackUrl on sign-out lands on the site, never a 500", async ({
  playwright,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const setup = await playwright.request.newContext({ baseURL });
  const { email, password } = await newLearner(setup, "Signing Out");
  await setup.dispose();
  let cases = 0;
  for (const callbackUrl of HOSTILE) {
    const request = await playwright.request.newContext({ baseURL });
    await signIn(request, email, password);
    // As the sign-out button posts it (next-auth's signOut()): the answer names where to go.
    const posted = await request.post("/api/auth/signout", {
      form: { csrfToken: await csrfTokenOf(request), callbackUrl, json: "true" },
    });
    expect(posted.status(), callbackUrl).toBe(200);
    const { url } = (await posted.json()) as { url: string };
    expect(new URL(url).origin, callbackUrl).toBe(origin);
    // The sign-out itself happened.
    expect(await progressStatus(request), callbackUrl).toBe(401);

    // As a plain form post: a redirect on the site.
    const form = await request.post("/api/auth/signout", {
      form: { csrfToken: await csrfTokenOf(request), callbackUrl },
      maxRedirects: 0,
    });
    expect(form.status(), callbackUrl).toBe(302);
    expect(new URL(form.headers().location, origin).origin, callbackUrl).toBe(origin);

    // As a link to next-auth's sign-out page: the page, not a 500.
    const page = await request.get(
      `/api/auth/signout?callbackUrl=${encodeURIComponent(callbackUrl)}`,
    );
    expect(page.status(), callbackUrl).toBe(200);

    // Left in next-auth's callback-url cookie (set by a sibling site, say), it is read on every auth
    // request: still no 500, and the cookie is cleared.
    const tossed = await playwright.request.newContext({
      baseURL,
      storageState: {
        cookies: [
          {
            name: "next-auth.callback-url",
            value: encodeURIComponent(callbackUrl),
            domain: new URL(origin).hostname,
            path: "/",
            expires: -1,
            httpOnly: true,
            secure: false,
            sameSite: "Lax",
          },
        ],
        origins: [],
      },
    });
    const session = await tossed.get("/api/auth/session");
    expect(session.status(), callbackUrl).toBe(200);
    const left = (await tossed.storageState()).cookies.find(
      (c) => c.name === "next-auth.callback-url",
    );
    expect(left === undefined || left.value !== encodeURIComponent(callbackUrl), callbackUrl).toBe(
      true,
    );
    await tossed.dispose();
    await request.dispose();
    cases += 4;
  }
  test.info().annotations.push({ type: "cases", description: String(cases) });
});

test("[ANYONE] a callbackUrl on the site is kept by sign-out", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  await newLearner(request, "Signing Out Home");
  for (const callbackUrl of ["/?deleted=1", `${baseURL}/lessons#top`]) {
    const posted = await request.post("/api/auth/signout", {
      form: { csrfToken: await csrfTokenOf(request), callbackUrl, json: "true" },
    });
    expect(posted.status()).toBe(200);
    expect(((await posted.json()) as { url: string }).url).toBe(
      new URL(callbackUrl, baseURL).toString(),
    );
  }
  await request.dispose();
});
