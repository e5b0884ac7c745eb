-- AlterTable
ALTER TABLE "ReviewCard" ADD COLUMN     "firstCorrect" BOOLEAN,
ADD COLUMN     "firstVersionId" TEXT;

-- Backfill: each card's first answer, in a submitted attempt, to the item's current wording (a blank
-- counts as wrong, as in grading).
UPDATE "ReviewCard" SET "firstCorrect" = (
  SELECT a."correct" FROM "Answer" a
  JOIN "Attempt" t ON t."id" = a."attemptId"
  JOIN "Item" i ON i."id" = a."itemId"
  WHERE a."itemId" = "ReviewCard"."itemId" AND t."userId" = "ReviewCard"."userId"
    AND t."status" = 'SUBMITTED' AND a."itemVersionId" = i."currentVersionId"
    AND a."correct" IS NOT NULL
  ORDER BY t."submittedAt", a."position"
  LIMIT 1
);
UPDATE "ReviewCard" SET "firstVersionId" = (
  SELECT i."currentVersionId" FROM "Item" i WHERE i."id" = "ReviewCard"."itemId"
)
WHERE "firstCorrect" IS NOT NULL;
