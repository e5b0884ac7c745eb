import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { driverOf } from "@/server/db/client";
import { join, raw, sql, type Driver } from "@/server/db/driver";
import { parseNote } from "@/lib/content/parse-note";
import { syncContent } from "@/server/quiz/sync-content";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// The driver writes rows that Prisma reads and the other way round, so both must agree on how dates
// and booleans are stored, whatever the process's time zone.
const zone = process.env.TZ;
let t: TestDatabase;
let driver: Driver;
let userId: string;
let itemId: string;

beforeAll(async () => {
  process.env.TZ = "America/New_York";
  t = await createTestDatabase();
  driver = driverOf(t.db);
  userId = (
    await t.db.user.create({ data: { email: "d@example.com", name: "D", passwordHash: "x" } })
  ).id;
  await syncContent(t.db, [
    parseNote({
      file: "Sample.md",
      source: "## AWS Responsibilities\n- **Hypervisor**: Isolates guests.\n",
    }),
  ]);
  itemId = (await t.db.item.findFirstOrThrow()).id;
});

afterAll(async () => {
  process.env.TZ = zone;
  await t.drop();
});

describe("the database driver", () => {
  it("builds statements from nested fragments, keeping values apart and in order", () => {
    const rows = [sql`(${"a"}, ${1})`, sql`(${"b"}, ${2})`];
    const statement = sql`INSERT INTO ${raw('"T"')} VALUES ${join(rows)} ON CONFLICT DO NOTHING WHERE "x" = ${true}`;
    expect(statement.parts.join("?")).toBe(
      'INSERT INTO "T" VALUES (?, ?), (?, ?) ON CONFLICT DO NOTHING WHERE "x" = ?',
    );
    expect(statement.values).toEqual(["a", 1, "b", 2, true]);
    expect(join([]).parts).toEqual([""]);
  });

  it("binds values and reads rows", async () => {
    const rows = await driver.query<{ id: string; email: string }>(
      sql`SELECT "id", "email" FROM "User" WHERE "id" IN (${join([sql`${userId}`, sql`${"nobody"}`])})`,
    );
    expect(rows).toEqual([{ id: userId, email: "d@example.com" }]);
    // A value is bound, never spliced into the text.
    expect(
      await driver.query(sql`SELECT "id" FROM "User" WHERE "email" = ${"' OR '1'='1"}`),
    ).toEqual([]);
  });

  it("writes dates and booleans that Prisma reads back unchanged, and reads Prisma's", async () => {
    const due = new Date("2026-03-08T06:30:00.123Z");
    await driver.execute(sql`
      INSERT INTO "ReviewCard" ("userId", "itemId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview", "lastCorrect")
      VALUES (${userId}, ${itemId}, ${due}, ${1.5}, ${5.25}, ${0}, ${1}, ${0}, ${1}, ${0}, ${2}, ${null}, ${true})`);
    const viaPrisma = await t.db.reviewCard.findUniqueOrThrow({
      where: { userId_itemId: { userId, itemId } },
    });
    expect(viaPrisma.due.toISOString()).toBe(due.toISOString());
    expect(viaPrisma.lastCorrect).toBe(true);
    expect(viaPrisma.stability).toBe(1.5);
    // Stored as Prisma stores dates, so that its comparisons (due reviews, for one) still order them.
    expect(await t.db.reviewCard.count({ where: { userId, due: { gte: due } } })).toBe(1);
    expect(await t.db.reviewCard.count({ where: { userId, due: { gt: due } } })).toBe(0);

    const lastReview = new Date("2026-11-01T01:59:59.999Z");
    await t.db.reviewCard.update({
      where: { userId_itemId: { userId, itemId } },
      data: { lastReview, lastCorrect: false },
    });
    const [viaDriver] = await driver.query<{
      due: Date;
      lastReview: Date;
      lastCorrect: boolean;
      reps: number;
    }>(
      sql`SELECT "due", "lastReview", "lastCorrect", "reps" FROM "ReviewCard" WHERE "userId" = ${userId}`,
    );
    expect(viaDriver).toEqual({ due, lastReview, lastCorrect: false, reps: 1 });

    // Text without a zone, as SQLite's CURRENT_TIMESTAMP writes it, is UTC too.
    await driver.execute(
      sql`UPDATE "ReviewCard" SET "lastReview" = ${"2026-11-01 01:59:59"} WHERE "userId" = ${userId}`,
    );
    const [plain] = await driver.query<{ lastReview: Date }>(
      sql`SELECT "lastReview" FROM "ReviewCard" WHERE "userId" = ${userId}`,
    );
    expect(plain.lastReview.toISOString()).toBe("2026-11-01T01:59:59.000Z");
  });

  it("commits a transaction that resolves and rolls back one that throws", async () => {
    const count = async () =>
      (
        await driver.query<{ n: number }>(
          sql`SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "NoteProgress" WHERE "userId" = ${userId}`,
        )
      )[0].n;
    await driver.transaction((tx) =>
      tx.execute(
        sql`INSERT INTO "NoteProgress" ("userId", "noteSlug", "attempts", "level") VALUES (${userId}, ${"kept"}, 0, 0)`,
      ),
    );
    await expect(
      driver.transaction(async (tx) => {
        await tx.execute(
          sql`INSERT INTO "NoteProgress" ("userId", "noteSlug", "attempts", "level") VALUES (${userId}, ${"dropped"}, 0, 0)`,
        );
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await count()).toBe(1);
  });

  it("keeps working after the client disconnects, on the connection Prisma opens again", async () => {
    await t.db.$disconnect();
    expect(await driver.query(sql`SELECT "email" FROM "User" WHERE "id" = ${userId}`)).toEqual([
      { email: "d@example.com" },
    ]);
    expect(await t.db.user.count()).toBe(1);
    await t.db.$disconnect();
    expect(await t.db.user.count()).toBe(1);
    await driver.transaction((tx) =>
      tx.execute(sql`UPDATE "User" SET "name" = ${"D2"} WHERE "id" = ${userId}`),
    );
    expect((await t.db.user.findUniqueOrThrow({ where: { id: userId } })).name).toBe("D2");
  });

  it("takes turns with Prisma's transactions instead of mixing into them", async () => {
    // A Prisma transaction that is held open across an await, and a driver transaction started meanwhile.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const prismaSide = t.db.$transaction(async (tx) => {
      await tx.noteProgress.create({ data: { userId, noteSlug: "prisma", attempts: 0, level: 0 } });
      await held;
      throw new Error("prisma side rolls back");
    });
    const driverSide = driver.transaction((tx) =>
      tx.execute(
        sql`INSERT INTO "NoteProgress" ("userId", "noteSlug", "attempts", "level") VALUES (${userId}, ${"driver"}, 0, 0)`,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await expect(prismaSide).rejects.toThrow("prisma side rolls back");
    await driverSide;
    const slugs = (
      await t.db.noteProgress.findMany({ where: { userId }, select: { noteSlug: true } })
    )
      .map((p) => p.noteSlug)
      .sort();
    expect(slugs).toEqual(["driver", "kept"]);
  });
});
