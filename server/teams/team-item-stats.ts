import "server-only";
import { Prisma } from "@/generated/sqlite/client";

type Tx = Prisma.TransactionClient;

export interface ItemCounts {
  itemId: string;
  attempts: number;
  correct: number;
  wrongAws: number;
  wrongCustomer: number;
  wrongShared: number;
  /** Wrong answers given as "sure". */
  sureWrong: number;
}

const ADD_COUNTS = Prisma.raw(`ON CONFLICT ("teamId", "itemId") DO UPDATE SET
      "attempts" = "TeamItemStat"."attempts" + excluded."attempts",
      "correctCount" = "TeamItemStat"."correctCount" + excluded."correctCount",
      "wrongAws" = "TeamItemStat"."wrongAws" + excluded."wrongAws",
      "wrongCustomer" = "TeamItemStat"."wrongCustomer" + excluded."wrongCustomer",
      "wrongShared" = "TeamItemStat"."wrongShared" + excluded."wrongShared",
      "sureWrong" = "TeamItemStat"."sureWrong" + excluded."sureWrong"`);

// Casts make PostgreSQL type the VALUES list as it would a table; SQLite accepts them as written.
const int = (value: number) => Prisma.sql`CAST(${value} AS INTEGER)`;

/**
 * Adds one submit's answer counts to the aggregates of every team the learner is a member of, in one
 * statement: a quiz has dozens of items and a learner may be in several teams.
 */
export async function addToTeamItemStats(tx: Tx, userId: string, counts: ItemCounts[]) {
  if (counts.length === 0) return;
  const values = counts.map(
    (c) =>
      Prisma.sql`(${c.itemId}, ${int(c.attempts)}, ${int(c.correct)}, ${int(c.wrongAws)}, ${int(c.wrongCustomer)}, ${int(c.wrongShared)}, ${int(c.sureWrong)})`,
  );
  await tx.$executeRaw`
    INSERT INTO "TeamItemStat" ("teamId", "itemId", "attempts", "correctCount", "wrongAws", "wrongCustomer", "wrongShared", "sureWrong")
    SELECT m."teamId", v.column1, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7
    FROM "TeamMembership" m CROSS JOIN (VALUES ${Prisma.join(values)}) AS v
    WHERE m."userId" = ${userId} AND m."role" = 'MEMBER'
    ${ADD_COUNTS}`;
}

/** A learner joins a team as a member: their answers so far join the team's counts. */
export async function addLearnerToTeamStats(tx: Tx, teamId: string, userId: string) {
  await tx.$executeRaw`
    INSERT INTO "TeamItemStat" ("teamId", "itemId", "attempts", "correctCount", "wrongAws", "wrongCustomer", "wrongShared", "sureWrong")
    SELECT ${teamId}, c."itemId", c."attempts", c."correctCount", c."wrongAws", c."wrongCustomer", c."wrongShared", c."sureWrong"
    FROM "ReviewCard" c WHERE c."userId" = ${userId} AND c."attempts" > 0
    ${ADD_COUNTS}`;
}

/** A member leaves: their answers leave the team's counts. */
export async function removeLearnerFromTeamStats(tx: Tx, teamId: string, userId: string) {
  await tx.$executeRaw`
    UPDATE "TeamItemStat" SET
      "attempts" = "TeamItemStat"."attempts" - c."attempts",
      "correctCount" = "TeamItemStat"."correctCount" - c."correctCount",
      "wrongAws" = "TeamItemStat"."wrongAws" - c."wrongAws",
      "wrongCustomer" = "TeamItemStat"."wrongCustomer" - c."wrongCustomer",
      "wrongShared" = "TeamItemStat"."wrongShared" - c."wrongShared",
      "sureWrong" = "TeamItemStat"."sureWrong" - c."sureWrong"
    FROM "ReviewCard" c
    WHERE c."userId" = ${userId} AND c."itemId" = "TeamItemStat"."itemId" AND "TeamItemStat"."teamId" = ${teamId}`;
}
