-- AlterTable
ALTER TABLE "ReviewCard" ADD COLUMN     "sureWrong" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "TeamItemStat" ADD COLUMN     "sureWrong" INTEGER NOT NULL DEFAULT 0;
