import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type Db } from "@/server/db/client";
import { isWriteConflict } from "@/server/db/errors";
import { transaction } from "@/server/db/transaction";
import { conflict } from "@/server/http/errors";
import { isDatabaseUnavailable } from "@/server/http/route";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
/** A second connection to the same database, as a second app instance or a script has. */
let otherProcess: Db;

beforeAll(async () => {
  t = await createTestDatabase();
  otherProcess = createClient(t.url);
});

afterAll(async () => {
  await otherProcess.$disconnect();
  await t.drop();
});

let people = 0;
function newPerson(db: Db) {
  people++;
  return db.user.create({
    data: { email: `person-${people}@example.com`, name: `Person ${people}`, passwordHash: "x" },
  });
}

/** Reads, lets the other process write on its first run, then writes: the order that conflicts. */
function readThenWriteAfterAnotherWrite(userId: string, runs: { count: number }) {
  return async (tx: Parameters<Parameters<Db["$transaction"]>[0]>[0]) => {
    runs.count++;
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    if (runs.count === 1) await newPerson(otherProcess);
    return tx.user.update({ where: { id: userId }, data: { name: `${user.name}, renamed` } });
  };
}

describe("transaction", () => {
  it.runIf(testDatabaseKind() === "sqlite")(
    "[SQLITE] without it, a read-then-write transaction fails once another process has written",
    async () => {
      const user = await newPerson(t.db);
      const error = await t.db
        .$transaction(readThenWriteAfterAnotherWrite(user.id, { count: 0 }))
        .catch((caught: unknown) => caught);
      expect(isWriteConflict(error)).toBe(true);
      // Were it to outlast the retries, the request would get 503 and be told to try again.
      expect(isDatabaseUnavailable(error)).toBe(true);
    },
  );

  it("runs a transaction that lost the race again, and it lands", async () => {
    const user = await newPerson(t.db);
    const runs = { count: 0 };
    const renamed = await transaction(t.db, readThenWriteAfterAnotherWrite(user.id, runs));
    expect(renamed.name).toBe(`${user.name}, renamed`);
    // SQLite refuses the first run's write; PostgreSQL's row locks let it through at once.
    expect(runs.count).toBe(t.kind === "sqlite" ? 2 : 1);
  });

  // On SQLite the second writer waits for the first one's lock instead: no deadlock to recover from.
  it.runIf(testDatabaseKind() === "postgresql")(
    "[POSTGRESQL] lands both of two transactions that lock the same rows in opposite orders",
    async () => {
      const [a, b] = [await newPerson(t.db), await newPerson(t.db)];
      let runs = 0;
      const renameBoth = (db: Db, first: string, second: string, name: string) =>
        transaction(db, async (tx) => {
          runs++;
          await tx.user.update({ where: { id: first }, data: { name } });
          // Long enough for the other transaction to take its first lock: PostgreSQL then finds a
          // deadlock and ends one of them, which runs again once the other has committed.
          await new Promise((resolve) => setTimeout(resolve, 200));
          await tx.user.update({ where: { id: second }, data: { name } });
        });
      await Promise.all([
        renameBoth(t.db, a.id, b.id, "first"),
        renameBoth(otherProcess, b.id, a.id, "second"),
      ]);
      const names = await t.db.user.findMany({
        where: { id: { in: [a.id, b.id] } },
        select: { name: true },
      });
      // Whichever committed last renamed both: never one name each, which would be a lost update.
      expect(new Set(names.map((user) => user.name)).size).toBe(1);
      expect(runs).toBe(3);
    },
  );

  it("does not run again for any other failure", async () => {
    const runs = { count: 0 };
    const error = await transaction(t.db, async () => {
      runs.count++;
      throw conflict("Not a write conflict.");
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 409 });
    expect(runs.count).toBe(1);
  });
});
