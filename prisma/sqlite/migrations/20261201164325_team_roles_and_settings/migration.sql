-- CreateTable
CREATE TABLE "RoleRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "requesterAadObjectId" TEXT NOT NULL,
    "requesterName" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "note" TEXT,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "pendingKey" TEXT,
    "requestedAt" DATETIME NOT NULL,
    "decidedById" TEXT,
    "decidedByName" TEXT,
    "decidedAt" DATETIME,
    "decisionReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "RoleRequest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- AlterTable: new columns only, no table rebuild (other tables refer to Organisation)
ALTER TABLE "Organisation" ADD COLUMN "reminderTime" TEXT;
ALTER TABLE "Organisation" ADD COLUMN "pendingApprovalSlaHours" INTEGER;
ALTER TABLE "Organisation" ADD COLUMN "teamVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "RoleRequest_pendingKey_key" ON "RoleRequest"("pendingKey");

-- CreateIndex
CREATE INDEX "RoleRequest_organisationId_state_requestedAt_idx" ON "RoleRequest"("organisationId", "state", "requestedAt");

