-- CreateTable
CREATE TABLE "BlockedIdentity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "provider" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "BlockedIdentity_provider_subject_key" ON "BlockedIdentity"("provider", "subject");

