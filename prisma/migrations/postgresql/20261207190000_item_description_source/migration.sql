-- AlterTable
ALTER TABLE "Item" ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sourceTitle" TEXT,
ADD COLUMN     "sourceUrl" TEXT;

-- AlterTable
ALTER TABLE "ItemVersion" ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sourceTitle" TEXT,
ADD COLUMN     "sourceUrl" TEXT;

