import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseNote } from "@/lib/content/parse-note";
import { migrationsDir } from "@/server/db/migrate";
import { startQuizAttempt } from "@/server/quiz/start-attempt";
import { submitAttempt } from "@/server/quiz/submit-attempt";
import { syncContent } from "@/server/quiz/sync-content";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const note = (owner: string) =>
  parseNote({
    file: "Storage.md",
    source: `## ${owner} Responsibilities\n- **Disk wiping**: Media is wiped before reuse.\n`,
  });

let t: TestDatabase;
let learner: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await syncContent(t.db, [note("AWS")]);
  learner = (
    await t.db.user.create({ data: { email: "f@example.com", name: "F", passwordHash: "x" } })
  ).id;
});

afterAll(async () => {
  await t.drop();
});

async function answer(choice: "AWS" | "CUSTOMER") {
  const { attemptId, items } = await startQuizAttempt(t.db, learner, "storage");
  await submitAttempt(t.db, learner, attemptId, [{ itemId: items[0].id, choice }]);
  return items[0].id;
}

const card = (itemId: string) =>
  t.db.reviewCard.findUniqueOrThrow({
    where: { userId_itemId: { userId: learner, itemId } },
    select: { firstVersionId: true, firstCorrect: true, attempts: true },
  });

/** The data move of the migration that added the columns, statement by statement. */
function backfillStatements(): string[] {
  const dir = migrationsDir(t.kind);
  const name = fs.readdirSync(dir).find((d) => d.endsWith("_review_card_first_answer"))!;
  const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
  return sql
    .slice(sql.indexOf("-- Backfill"))
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s.replace(/^--.*$/gm, "").trim() !== "");
}

describe("a review card's first answer to a wording", () => {
  it("keeps the first answer, starts over on a new wording, and the migration's backfill agrees", async () => {
    const itemId = await answer("CUSTOMER");
    const first = await t.db.item.findUniqueOrThrow({ where: { id: itemId } });
    expect(await card(itemId)).toEqual({
      firstVersionId: first.currentVersionId,
      firstCorrect: false,
      attempts: 1,
    });

    await answer("AWS");
    expect(await card(itemId)).toMatchObject({ firstCorrect: false, attempts: 2 });

    // The author moves the control to the customer: a new wording, whose first answer is right.
    await syncContent(t.db, [note("Customer")]);
    await answer("CUSTOMER");
    const moved = await t.db.item.findUniqueOrThrow({ where: { id: itemId } });
    expect(moved.currentVersionId).not.toBe(first.currentVersionId);
    const now = await card(itemId);
    expect(now).toEqual({
      firstVersionId: moved.currentVersionId,
      firstCorrect: true,
      attempts: 3,
    });

    await t.db.reviewCard.updateMany({ data: { firstVersionId: null, firstCorrect: null } });
    for (const statement of backfillStatements()) await t.db.$executeRawUnsafe(statement);
    expect(await card(itemId)).toEqual(now);
  });
});
