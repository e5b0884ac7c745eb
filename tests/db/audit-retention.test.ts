import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAuditAddressRetention } from "@/server/account/retention";
import { recordAudit } from "@/server/audit/record-audit";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const DAY = 86_400_000;
const REFUSED = /append-only|constraint/i;

beforeAll(async () => {
  t = await createTestDatabase();
});

afterAll(async () => {
  await t.drop();
});

describe("audit address retention", () => {
  it("[RETENTION] blanks the addresses of audit entries older than the limit, and the database allows nothing else", async () => {
    const now = new Date("2031-06-01T00:00:00Z");
    const ages = [400, 91, 90.5, 89, 10];
    for (const [i, daysAgo] of ages.entries()) {
      await recordAudit(
        t.db,
        {
          actorId: null,
          action: "team.create",
          targetType: "team",
          targetId: `team-${i}`,
          address: `192.0.2.${i + 1}`,
          details: { name: `Team ${i}` },
        },
        new Date(now.getTime() - daysAgo * DAY),
      );
    }
    const outcome = await runAuditAddressRetention(t.db, 90, now);
    const entries = await t.db.auditEntry.findMany({ orderBy: { at: "asc" } });
    console.log(
      `${outcome.message} Addresses left: ${entries.filter((e) => e.address).length} of ${entries.length}.`,
    );
    expect(outcome.blanked).toBe(3);
    expect(entries.map((e) => [e.targetId, e.address])).toEqual([
      ["team-0", null],
      ["team-1", null],
      ["team-2", null],
      ["team-3", "192.0.2.4"],
      ["team-4", "192.0.2.5"],
    ]);
    // The rest of each entry is as it was written.
    expect(entries.map((e) => JSON.parse(e.details).name)).toEqual(ages.map((_, i) => `Team ${i}`));
    // A second run finds nothing left to blank.
    expect((await runAuditAddressRetention(t.db, 90, now)).blanked).toBe(0);

    // The trail stays append-only for everything but blanking an address, even from a SQL prompt.
    const kept = entries[3];
    const refused = [
      t.db.auditEntry.update({ where: { id: kept.id }, data: { address: "203.0.113.9" } }),
      t.db.auditEntry.update({
        where: { id: kept.id },
        data: { address: null, action: "team.delete" },
      }),
      t.db.$executeRawUnsafe(
        `UPDATE "AuditEntry" SET "address" = NULL, "details" = '{}' WHERE "id" = '${kept.id}'`,
      ),
      t.db.auditEntry.delete({ where: { id: entries[0].id } }),
    ];
    // Prisma words SQLite's RAISE(ABORT) as a constraint violation; raw SQL keeps the message.
    for (const attempt of refused) await expect(attempt).rejects.toThrow(REFUSED);
    expect(await t.db.auditEntry.findUnique({ where: { id: kept.id } })).toEqual(kept);
  });
});
