-- One append-only audit table for every record of every workflow. Engagement history moves
-- onto it with its data. Each EngagementEvent row becomes an AuditEntry of record kind
-- "engagement" (sequence -> recordVersion, details -> after), then EngagementEvent goes.
-- States become Prisma enums: SQLite stores them as TEXT, so their columns do not change.

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "recordKind" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "recordVersion" INTEGER NOT NULL,
    "at" DATETIME NOT NULL,
    "action" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "reason" TEXT,
    "before" TEXT,
    "after" TEXT
);

-- CreateIndex
CREATE INDEX "AuditEntry_organisationId_recordKind_recordId_at_idx" ON "AuditEntry"("organisationId", "recordKind", "recordId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_recordKind_recordId_recordVersion_key" ON "AuditEntry"("recordKind", "recordId", "recordVersion");

-- CopyRows
INSERT INTO "AuditEntry" ("id", "organisationId", "recordKind", "recordId", "recordVersion", "at", "action", "actorId", "actorName", "reason", "before", "after")
SELECT "id", "organisationId", 'engagement', "engagementId", "sequence", "at", "action", "actorId", "actorName", "reason", NULL, "details"
FROM "EngagementEvent";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "EngagementEvent";
PRAGMA foreign_keys=on;
