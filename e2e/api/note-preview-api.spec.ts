import { expect, test, type APIRequestContext } from "@playwright/test";
import { newLearner, signIn } from "../fixtures";

const PATH = "/api/authoring/preview";
const NOTE = [
  "# Bucket Basics",
  "",
  "See [[No Such Note]].",
  "",
  "## AWS responsibilities",
  "",
  "- **Storage hardware**: Replaces failed disks.",
  "- TODO: check this one",
  "",
  "## Customer responsibilities",
  "",
  "- **Bucket policies**: Writes who may read a bucket.",
].join("\n");

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string[]> };
}

let instructor: APIRequestContext;

test.beforeAll(async ({ playwright, baseURL }) => {
  instructor = await playwright.request.newContext({ baseURL });
  await signIn(instructor, "instructor@example.com");
});

test.afterAll(async () => {
  await instructor.dispose();
});

test("[INSTRUCTOR] gets the note's title, slug, items with their rules, and problems; nothing saved", async () => {
  const response = await instructor.post(PATH, { data: { file: "Bucket.md", source: NOTE } });
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  const report = await response.json();
  expect(report).toMatchObject({
    file: "Bucket.md",
    title: "Bucket Basics",
    slug: "bucket-basics",
    replaces: null,
    leftOut: false,
  });
  expect(report.items).toEqual([
    {
      prompt: "Storage hardware",
      label: "Storage hardware",
      owner: "AWS",
      kind: "assign",
      line: 7,
      serviceModel: null,
      source: { heading: "AWS responsibilities", line: 5, rule: "aws-responsibilities" },
    },
    {
      prompt: "Bucket policies",
      label: "Bucket policies",
      owner: "CUSTOMER",
      kind: "assign",
      line: 12,
      serviceModel: null,
      source: { heading: "Customer responsibilities", line: 10, rule: "customer-responsibilities" },
    },
  ]);
  expect(
    report.problems.map((p: { line: number; severity: string }) => [p.line, p.severity]),
  ).toEqual([
    [3, "warning"],
    [8, "warning"],
  ]);
  // Nothing was saved: no lesson, no quiz.
  expect((await instructor.get("/api/quizzes/bucket-basics")).status()).toBe(404);
});

test("[INSTRUCTOR] bad input is refused with a message per field", async () => {
  const cases: Array<{ data: unknown; fields: string[] }> = [
    { data: {}, fields: ["source"] },
    { data: { source: 42 }, fields: ["source"] },
    { data: { source: "   " }, fields: ["source"] },
    { data: { source: NOTE, file: 7 }, fields: ["file"] },
    { data: { source: NOTE, file: "Lesson.mdx" }, fields: ["file"] },
    { data: { source: NOTE, file: "../../etc/passwd" }, fields: ["file"] },
    { data: { source: NOTE, save: true }, fields: ["_"] },
    { data: ["not", "an", "object"], fields: ["_"] },
  ];
  for (const { data, fields } of cases) {
    const response = await instructor.post(PATH, { data });
    expect(response.status(), JSON.stringify(data)).toBe(422);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("validation_failed");
    expect(Object.keys(body.error.fields ?? {}), JSON.stringify(data)).toEqual(fields);
  }
  const notJson = await instructor.post(PATH, {
    headers: { "content-type": "application/json" },
    data: Buffer.from("{ not json"),
  });
  expect(notJson.status()).toBe(400);
  expect(((await notJson.json()) as ErrorBody).error.code).toBe("bad_request");
  const text = await instructor.post(PATH, {
    headers: { "content-type": "text/markdown" },
    data: NOTE,
  });
  expect(text.status()).toBe(415);
});

test("[INSTRUCTOR] a note over 512 KB is a 413 that says how large it is", async () => {
  // 2 MB: refused before the body is read, by its declared length.
  const huge = await instructor.post(PATH, { data: { source: "x".repeat(2 * 1024 * 1024) } });
  expect(huge.status()).toBe(413);
  const hugeBody = (await huge.json()) as ErrorBody;
  expect(hugeBody.error.code).toBe("payload_too_large");
  expect(hugeBody.error.message).toMatch(
    /^This request is 2\.0 MB; a note may be at most 512 KB\.$/,
  );

  // 600 KB: the body fits its cap, and the note itself is measured.
  const over = await instructor.post(PATH, { data: { source: "x".repeat(600 * 1024) } });
  expect(over.status()).toBe(413);
  expect((await over.json()) as ErrorBody).toEqual({
    error: {
      code: "payload_too_large",
      message: "This note is 600 KB; the limit is 512 KB.",
      fields: { source: ["This note is 600 KB; the limit is 512 KB."] },
    },
  });

  // A note near the limit whose quotes and backslashes double in JSON still fits the body's cap.
  const escaped = `# Quotes\n\n${'"\\'.repeat(250 * 1024)}`;
  expect((await instructor.post(PATH, { data: { source: escaped } })).status()).toBe(200);

  // So many lines that the parser would crawl: refused by count, as the build refuses it.
  const long = await instructor.post(PATH, { data: { source: "a\n".repeat(12_000) } });
  expect(long.status()).toBe(413);
  expect(((await long.json()) as ErrorBody).error.message).toBe(
    "This note has 12,001 lines; the limit is 10,000.",
  );
});

test("[LEARNER] is refused with a 403 and [ANONYMOUS] with a 401, before the body is read", async ({
  playwright,
  baseURL,
}) => {
  const learner = await playwright.request.newContext({ baseURL });
  await newLearner(learner, "Preview Learner");
  const refused = await learner.post(PATH, { data: { source: NOTE } });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as ErrorBody).error.code).toBe("forbidden");
  const anonymous = await playwright.request.newContext({ baseURL });
  const stranger = await anonymous.post(PATH, { data: { source: "x".repeat(2 * 1024 * 1024) } });
  expect(stranger.status()).toBe(401);
  expect(((await stranger.json()) as ErrorBody).error.code).toBe("unauthenticated");
  await learner.dispose();
  await anonymous.dispose();
});

test("[ATTACKER] an instructor gets 30 previews in 10 minutes, then a 429 with Retry-After", async ({
  playwright,
  baseURL,
}) => {
  // An instructor of the test's own, so that the demo instructor's previews stay free for others.
  const author = await playwright.request.newContext({ baseURL });
  const { id } = await newLearner(author, "Busy Author");
  const admin = await playwright.request.newContext({ baseURL });
  await signIn(admin, "admin@example.com");
  expect(
    (await admin.patch(`/api/admin/users/${id}`, { data: { role: "INSTRUCTOR" } })).status(),
  ).toBe(200);
  // A role change applies at the next request: the session reads the role each time.
  for (let i = 0; i < 30; i++) {
    const response = await author.post(PATH, { data: { source: `# Draft ${i}\n` } });
    expect(response.status(), `preview ${i + 1}`).toBe(200);
  }
  const limited = await author.post(PATH, { data: { source: "# One too many\n" } });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect(((await limited.json()) as ErrorBody).error.message).toMatch(
    /^Too many note previews, try again in \d+ minutes?\.$/,
  );
  await author.dispose();
  await admin.dispose();
});
