-- DropIndex
DROP INDEX "Attempt_assignmentId_userId_idx";

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "assignmentAttempt" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "Attempt_assignmentId_userId_assignmentAttempt_key" ON "Attempt"("assignmentId", "userId", "assignmentAttempt");
