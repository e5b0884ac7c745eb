-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Item" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "noteSlug" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "currentVersionId" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "detail" TEXT NOT NULL,
    "sourceTitle" TEXT,
    "sourceUrl" TEXT,
    "owner" TEXT NOT NULL,
    "answerKey" TEXT,
    "spec" TEXT,
    "anchor" TEXT NOT NULL,
    "serviceModel" TEXT,
    "retiredAt" DATETIME,
    CONSTRAINT "Item_noteSlug_fkey" FOREIGN KEY ("noteSlug") REFERENCES "Note" ("slug") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Item" ("anchor", "answerKey", "currentVersionId", "detail", "id", "key", "kind", "noteSlug", "owner", "position", "prompt", "retiredAt", "serviceModel", "spec", "version") SELECT "anchor", "answerKey", "currentVersionId", "detail", "id", "key", "kind", "noteSlug", "owner", "position", "prompt", "retiredAt", "serviceModel", "spec", "version" FROM "Item";
DROP TABLE "Item";
ALTER TABLE "new_Item" RENAME TO "Item";
CREATE UNIQUE INDEX "Item_currentVersionId_key" ON "Item"("currentVersionId");
CREATE UNIQUE INDEX "Item_noteSlug_key_key" ON "Item"("noteSlug", "key");
CREATE TABLE "new_ItemVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "prompt" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "detail" TEXT NOT NULL,
    "sourceTitle" TEXT,
    "sourceUrl" TEXT,
    "owner" TEXT NOT NULL,
    "answerKey" TEXT,
    "spec" TEXT,
    "anchor" TEXT NOT NULL,
    "serviceModel" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ItemVersion_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ItemVersion" ("anchor", "answerKey", "createdAt", "detail", "id", "itemId", "owner", "prompt", "serviceModel", "spec", "version") SELECT "anchor", "answerKey", "createdAt", "detail", "id", "itemId", "owner", "prompt", "serviceModel", "spec", "version" FROM "ItemVersion";
DROP TABLE "ItemVersion";
ALTER TABLE "new_ItemVersion" RENAME TO "ItemVersion";
CREATE UNIQUE INDEX "ItemVersion_itemId_version_key" ON "ItemVersion"("itemId", "version");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

