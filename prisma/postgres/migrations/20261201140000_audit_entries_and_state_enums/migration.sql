-- One append-only audit table for every record of every workflow. Engagement history moves
-- onto it with its data. Each EngagementEvent row becomes an AuditEntry of record kind
-- "engagement" (sequence -> recordVersion, details -> after), then EngagementEvent goes.
-- States become enum types: the columns are converted in place (USING), so rows keep their
-- state, and a stored value outside the enum stops the migration instead of being lost.

-- CreateEnum
CREATE TYPE "OutboxState" AS ENUM ('pending', 'claimed', 'sent', 'failed', 'dead', 'skipped');

-- CreateEnum
CREATE TYPE "EngagementState" AS ENUM ('pending', 'approved', 'rejected', 'completion_requested', 'completed', 'retired');

-- CreateEnum
CREATE TYPE "BillingEntryState" AS ENUM ('submitted', 'rated', 'rejected');

-- AlterTable
ALTER TABLE "OutboxMessage" ALTER COLUMN "state" DROP DEFAULT;
ALTER TABLE "OutboxMessage" ALTER COLUMN "state" TYPE "OutboxState" USING "state"::"OutboxState";
ALTER TABLE "OutboxMessage" ALTER COLUMN "state" SET DEFAULT 'pending';

-- AlterTable
ALTER TABLE "Engagement" ALTER COLUMN "state" DROP DEFAULT;
ALTER TABLE "Engagement" ALTER COLUMN "state" TYPE "EngagementState" USING "state"::"EngagementState";
ALTER TABLE "Engagement" ALTER COLUMN "state" SET DEFAULT 'pending';

-- AlterTable
ALTER TABLE "BillingEntry" ALTER COLUMN "state" DROP DEFAULT;
ALTER TABLE "BillingEntry" ALTER COLUMN "state" TYPE "BillingEntryState" USING "state"::"BillingEntryState";
ALTER TABLE "BillingEntry" ALTER COLUMN "state" SET DEFAULT 'submitted';

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "recordKind" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "recordVersion" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "action" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "reason" TEXT,
    "before" TEXT,
    "after" TEXT,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEntry_organisationId_recordKind_recordId_at_idx" ON "AuditEntry"("organisationId", "recordKind", "recordId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_recordKind_recordId_recordVersion_key" ON "AuditEntry"("recordKind", "recordId", "recordVersion");

-- CopyRows
INSERT INTO "AuditEntry" ("id", "organisationId", "recordKind", "recordId", "recordVersion", "at", "action", "actorId", "actorName", "reason", "before", "after")
SELECT "id", "organisationId", 'engagement', "engagementId", "sequence", "at", "action", "actorId", "actorName", "reason", NULL, "details"
FROM "EngagementEvent";

-- DropForeignKey
ALTER TABLE "EngagementEvent" DROP CONSTRAINT "EngagementEvent_engagementId_fkey";

-- DropTable
DROP TABLE "EngagementEvent";
