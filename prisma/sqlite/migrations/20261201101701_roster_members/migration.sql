-- CreateTable
CREATE TABLE "RosterMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "rosterId" TEXT NOT NULL,
    "aadObjectId" TEXT NOT NULL,
    "teamsUserId" TEXT NOT NULL,
    "serviceUrl" TEXT NOT NULL,
    "botId" TEXT NOT NULL,
    "lastReadId" TEXT,
    "leftAt" DATETIME,
    "stoppedAt" DATETIME,
    "stoppedReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ConversationReference" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "aadObjectId" TEXT,
    "teamsUserId" TEXT,
    "teamId" TEXT,
    "serviceUrl" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "locale" TEXT,
    "timeZone" TEXT,
    "openedByBot" BOOLEAN NOT NULL DEFAULT false,
    "rosterReadAt" DATETIME,
    "deadAt" DATETIME,
    "deadReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_ConversationReference" ("aadObjectId", "conversationId", "createdAt", "deadAt", "deadReason", "id", "kind", "locale", "organisationId", "reference", "serviceUrl", "teamId", "teamsUserId", "tenantId", "timeZone", "updatedAt") SELECT "aadObjectId", "conversationId", "createdAt", "deadAt", "deadReason", "id", "kind", "locale", "organisationId", "reference", "serviceUrl", "teamId", "teamsUserId", "tenantId", "timeZone", "updatedAt" FROM "ConversationReference";
DROP TABLE "ConversationReference";
ALTER TABLE "new_ConversationReference" RENAME TO "ConversationReference";
CREATE INDEX "ConversationReference_organisationId_aadObjectId_idx" ON "ConversationReference"("organisationId", "aadObjectId");
CREATE UNIQUE INDEX "ConversationReference_organisationId_conversationId_key" ON "ConversationReference"("organisationId", "conversationId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RosterMember_organisationId_aadObjectId_idx" ON "RosterMember"("organisationId", "aadObjectId");

-- CreateIndex
CREATE UNIQUE INDEX "RosterMember_organisationId_rosterId_aadObjectId_key" ON "RosterMember"("organisationId", "rosterId", "aadObjectId");

