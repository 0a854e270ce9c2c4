-- CreateEnum
CREATE TYPE "RoleRequestState" AS ENUM ('pending', 'approved', 'rejected');

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "pendingApprovalSlaHours" INTEGER,
ADD COLUMN     "reminderTime" TEXT,
ADD COLUMN     "teamVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "RoleRequest" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "requesterAadObjectId" TEXT NOT NULL,
    "requesterName" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "note" TEXT,
    "state" "RoleRequestState" NOT NULL DEFAULT 'pending',
    "pendingKey" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "decidedById" TEXT,
    "decidedByName" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "RoleRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RoleRequest_pendingKey_key" ON "RoleRequest"("pendingKey");

-- CreateIndex
CREATE INDEX "RoleRequest_organisationId_state_requestedAt_idx" ON "RoleRequest"("organisationId", "state", "requestedAt");

-- AddForeignKey
ALTER TABLE "RoleRequest" ADD CONSTRAINT "RoleRequest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

