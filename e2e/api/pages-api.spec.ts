import { expect, test } from "@playwright/test";

test("[READER] lesson and tag pages load as prerendered files, and client navigations still get their payload", async ({
  request,
}) => {
  for (const path of ["/lessons/aws-shared-responsibility-model", "/tags/encryption"]) {
    const page = await request.get(path);
    expect(page.status()).toBe(200);
    expect(page.headers()["content-type"]).toMatch(/^text\/html/);
    // Served from public/_prerendered/ as a file: byte ranges and a modification date, not the renderer's cache.
    expect(page.headers()["accept-ranges"]).toBe("bytes");
    expect(page.headers()["last-modified"]).toBeTruthy();
    expect(page.headers()["x-nextjs-cache"]).toBeUndefined();
    expect(page.headers()["vary"]).toMatch(/\bRSC\b/i);
    expect(page.headers()["content-security-policy"]).toContain("default-src 'self'");
    expect(page.headers()["x-robots-tag"]).toBeUndefined();

    // The router asks for the same URL with an RSC header when a link is followed inside the app.
    const payload = await request.get(path, { headers: { RSC: "1" } });
    expect(payload.status()).toBe(200);
    expect(payload.headers()["content-type"]).toBe("text/x-component");
  }
  // The file's own path works, but is not for search engines.
  const file = await request.get("/_prerendered/lessons/aws-shared-responsibility-model.html");
  expect(file.status()).toBe(200);
  expect(file.headers()["x-robots-tag"]).toBe("noindex");

  const title = await (await request.get("/lessons/aws-shared-responsibility-model")).text();
  expect(title).toContain("<title>AWS Shared Responsibility Model");
  expect((await request.get("/lessons/no-such-lesson")).status()).toBe(404);
  expect((await request.get("/tags/no-such-tag")).status()).toBe(404);
});
