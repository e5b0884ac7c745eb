import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseNote } from "@/lib/content/parse-note";
import { backupDatabase, restoreDatabase } from "@/server/db/backup";
import { startQuizAttempt } from "@/server/quiz/start-attempt";
import { submitAttempt } from "@/server/quiz/submit-attempt";
import { syncContent } from "@/server/quiz/sync-content";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "backup-"));

beforeAll(async () => {
  t = await createTestDatabase();
});

afterAll(async () => {
  await t.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function snapshot() {
  const db = t.db;
  const rows = await Promise.all([
    db.user.findMany({ orderBy: { id: "asc" } }),
    db.note.findMany({ orderBy: { slug: "asc" } }),
    db.item.findMany({ orderBy: { id: "asc" } }),
    db.itemVersion.findMany({ orderBy: { id: "asc" } }),
    db.attempt.findMany({ orderBy: { id: "asc" } }),
    db.answer.findMany({ orderBy: { id: "asc" } }),
    db.reviewCard.findMany({ orderBy: [{ userId: "asc" }, { itemId: "asc" }] }),
    db.noteProgress.findMany({ orderBy: [{ userId: "asc" }, { noteSlug: "asc" }] }),
    db.team.findMany({ orderBy: { id: "asc" } }),
    db.teamMembership.findMany({ orderBy: [{ teamId: "asc" }, { userId: "asc" }] }),
    db.loginThrottle.findMany({ orderBy: { key: "asc" } }),
  ]);
  return JSON.stringify(rows);
}

describe("backup and restore", () => {
  it("[BACKUP] db:backup then db:restore round-trips every table", async ({ task }) => {
    task.meta.cases = 11;
    await syncContent(t.db, [
      parseNote({ file: "N.md", source: "## AWS Responsibilities\n- **A**: x\n- **B**: y\n" }),
    ]);
    const user = await t.db.user.create({
      data: { email: "b@example.com", name: "B", passwordHash: "h" },
    });
    const team = await t.db.team.create({ data: { name: "T", inviteCode: "CODE-1" } });
    await t.db.teamMembership.create({
      data: { teamId: team.id, userId: user.id, role: "MEMBER" },
    });
    await t.db.loginThrottle.create({ data: { key: "ip:1.2.3.4", failures: 2 } });
    const { attemptId, items } = await startQuizAttempt(t.db, user.id, "n");
    await submitAttempt(
      t.db,
      user.id,
      attemptId,
      items.map((i) => ({ itemId: i.id, choice: "AWS" as const })),
    );
    const before = await snapshot();

    const file = path.join(dir, t.kind === "sqlite" ? "backup.db" : "backup.dump");
    await backupDatabase(t.url, file);
    expect(fs.statSync(file).size).toBeGreaterThan(0);

    await t.db.answer.deleteMany();
    await t.db.attempt.deleteMany();
    await t.db.user.update({ where: { id: user.id }, data: { name: "Changed" } });
    expect(await snapshot()).not.toBe(before);

    if (t.kind === "sqlite") await t.db.$disconnect();
    await restoreDatabase(t.url, file);
    expect(await snapshot()).toBe(before);
  });
});
