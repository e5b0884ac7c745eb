-- CreateEnum
CREATE TYPE "Confidence" AS ENUM ('SURE', 'UNSURE');

-- AlterEnum
BEGIN;
CREATE TYPE "ItemKind_new" AS ENUM ('ASSIGN', 'MATRIX', 'SPLIT', 'SCENARIO');
ALTER TABLE "Item" ALTER COLUMN "kind" TYPE "ItemKind_new" USING (
  -- The seed's service-model layers are now quizzed as a matrix: same items, same keys.
  CASE WHEN "kind"::text = 'SERVICE' THEN 'MATRIX' ELSE "kind"::text END
)::"ItemKind_new";
ALTER TYPE "ItemKind" RENAME TO "ItemKind_old";
ALTER TYPE "ItemKind_new" RENAME TO "ItemKind";
DROP TYPE "ItemKind_old";
COMMIT;

-- AlterEnum
ALTER TYPE "AttemptKind" ADD VALUE 'PRACTICE';

-- AlterTable
ALTER TABLE "Item" ADD COLUMN     "answerKey" TEXT,
ADD COLUMN     "spec" TEXT;

-- AlterTable
ALTER TABLE "ItemVersion" ADD COLUMN     "answerKey" TEXT,
ADD COLUMN     "spec" TEXT;

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "practice" TEXT;

-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "confidence" "Confidence",
ADD COLUMN     "option" TEXT;
