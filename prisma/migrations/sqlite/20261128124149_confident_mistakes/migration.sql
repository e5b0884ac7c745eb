-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReviewCard" (
    "userId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "due" DATETIME NOT NULL,
    "stability" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "elapsedDays" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL,
    "reps" INTEGER NOT NULL,
    "lapses" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "lastReview" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "correctCount" INTEGER NOT NULL DEFAULT 0,
    "wrongAws" INTEGER NOT NULL DEFAULT 0,
    "wrongCustomer" INTEGER NOT NULL DEFAULT 0,
    "wrongShared" INTEGER NOT NULL DEFAULT 0,
    "sureWrong" INTEGER NOT NULL DEFAULT 0,
    "lastCorrect" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("userId", "itemId"),
    CONSTRAINT "ReviewCard_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewCard_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ReviewCard" ("attempts", "correctCount", "difficulty", "due", "elapsedDays", "itemId", "lapses", "lastCorrect", "lastReview", "learningSteps", "reps", "scheduledDays", "stability", "state", "userId", "wrongAws", "wrongCustomer", "wrongShared") SELECT "attempts", "correctCount", "difficulty", "due", "elapsedDays", "itemId", "lapses", "lastCorrect", "lastReview", "learningSteps", "reps", "scheduledDays", "stability", "state", "userId", "wrongAws", "wrongCustomer", "wrongShared" FROM "ReviewCard";
DROP TABLE "ReviewCard";
ALTER TABLE "new_ReviewCard" RENAME TO "ReviewCard";
CREATE INDEX "ReviewCard_userId_due_idx" ON "ReviewCard"("userId", "due");
CREATE TABLE "new_TeamItemStat" (
    "teamId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "correctCount" INTEGER NOT NULL DEFAULT 0,
    "wrongAws" INTEGER NOT NULL DEFAULT 0,
    "wrongCustomer" INTEGER NOT NULL DEFAULT 0,
    "wrongShared" INTEGER NOT NULL DEFAULT 0,
    "sureWrong" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("teamId", "itemId"),
    CONSTRAINT "TeamItemStat_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TeamItemStat_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_TeamItemStat" ("attempts", "correctCount", "itemId", "teamId", "wrongAws", "wrongCustomer", "wrongShared") SELECT "attempts", "correctCount", "itemId", "teamId", "wrongAws", "wrongCustomer", "wrongShared" FROM "TeamItemStat";
DROP TABLE "TeamItemStat";
ALTER TABLE "new_TeamItemStat" RENAME TO "TeamItemStat";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
