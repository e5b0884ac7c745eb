import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLibrary } from "@/lib/content/build-library";
import { readNotes } from "@/server/content/load-library";
import { syncContent } from "@/server/quiz/sync-content";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});

afterAll(async () => {
  await t.drop();
});

const VAULT = "tests/fixtures/vault";
const EXPECTED_ITEMS = [
  { noteSlug: "aws-shared-responsibility-model", key: "Data classification", owner: "CUSTOMER" },
  { noteSlug: "course-1-courses", key: "Physical Security", owner: "AWS" },
  { noteSlug: "course-2", key: "IAM Users", owner: "CUSTOMER" },
];

async function itemsInDb() {
  return t.db.item.findMany({
    where: { retiredAt: null },
    select: { noteSlug: true, key: true, owner: true },
    orderBy: { noteSlug: "asc" },
  });
}

describe("syncing a vault with a broken note", () => {
  it("syncs the good notes' items, same-titled notes apart, and skips the broken note", async () => {
    const library = buildLibrary(readNotes(VAULT));
    const report = await syncContent(t.db, library.notes);
    expect(report).toMatchObject({ notes: 6, created: 3 });
    expect(await itemsInDb()).toEqual(EXPECTED_ITEMS);
    expect(await t.db.note.findUnique({ where: { slug: "broken" } })).toBeNull();
  });

  it("[SEED] npm run db:seed (as npm start runs it) names the broken note and syncs the rest", () => {
    const result = spawnSync("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], {
      env: { ...process.env, DATABASE_URL: t.url, CONTENT_DIR: VAULT, SEED_DEMO: "false" },
      encoding: "utf8",
    });
    const output = `${result.stdout}${result.stderr}`;
    expect(output).toMatch(/^Broken\.md:4: error: broken frontmatter/m);
    expect(output).toContain("left out until fixed: Broken.md");
    expect(output).toContain("db:seed: 6 notes; items 0 new, 0 revised, 0 retired, 3 unchanged");
    expect(result.status).toBe(0);
  });

  it("content:sync does the same", async () => {
    const result = spawnSync(
      "npx",
      ["tsx", "--conditions=react-server", "scripts/content-sync.ts"],
      { env: { ...process.env, DATABASE_URL: t.url, CONTENT_DIR: VAULT }, encoding: "utf8" },
    );
    expect(`${result.stdout}${result.stderr}`).toContain("left out until fixed: Broken.md");
    expect(result.status).toBe(0);
    expect(await itemsInDb()).toEqual(EXPECTED_ITEMS);
  });
});
