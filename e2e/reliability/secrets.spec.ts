import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

test("[SECRETS] nothing secret reaches the browser bundle in .next/static", async () => {
  const files = filesUnder(".next/static");
  expect(files.length).toBeGreaterThan(10);
  // scripts/test.sh builds with canary values in the secret variables; none may appear in the output.
  const canaries = [process.env.BUILD_SECRET_CANARY, process.env.BUILD_DATABASE_CANARY].filter(
    (c): c is string => Boolean(c),
  );
  const localSecret = path.join(".secrets", "nextauth-secret");
  if (fs.existsSync(localSecret)) canaries.push(fs.readFileSync(localSecret, "utf8").trim());
  const forbidden = [
    ...canaries,
    "NEXTAUTH_SECRET",
    "DATABASE_URL",
    "passwordHash",
    "$argon2id$",
    "learn-aws-2026",
    "PRAGMA synchronous",
  ];
  const hits: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, "latin1");
    for (const needle of forbidden) if (text.includes(needle)) hits.push(`${file}: ${needle}`);
  }
  test.info().annotations.push({
    type: "cases",
    description: `${files.length} files × ${forbidden.length} strings`,
  });
  expect(hits).toEqual([]);
});
