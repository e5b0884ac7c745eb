-- The seed's service-model layers are now quizzed as a matrix: same items, same keys.
UPDATE "Item" SET "kind" = 'MATRIX' WHERE "kind" = 'SERVICE';

-- AlterTable
ALTER TABLE "Item" ADD COLUMN "answerKey" TEXT;
ALTER TABLE "Item" ADD COLUMN "spec" TEXT;

-- AlterTable
ALTER TABLE "ItemVersion" ADD COLUMN "answerKey" TEXT;
ALTER TABLE "ItemVersion" ADD COLUMN "spec" TEXT;

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN "expiresAt" DATETIME;
ALTER TABLE "Attempt" ADD COLUMN "practice" TEXT;

-- AlterTable
ALTER TABLE "Answer" ADD COLUMN "confidence" TEXT;
ALTER TABLE "Answer" ADD COLUMN "option" TEXT;
