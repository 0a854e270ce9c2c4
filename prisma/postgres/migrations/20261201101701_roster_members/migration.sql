-- AlterTable
ALTER TABLE "ConversationReference" ADD COLUMN     "openedByBot" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "rosterReadAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RosterMember" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "rosterId" TEXT NOT NULL,
    "aadObjectId" TEXT NOT NULL,
    "teamsUserId" TEXT NOT NULL,
    "serviceUrl" TEXT NOT NULL,
    "botId" TEXT NOT NULL,
    "lastReadId" TEXT,
    "leftAt" TIMESTAMP(3),
    "stoppedAt" TIMESTAMP(3),
    "stoppedReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RosterMember_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RosterMember_organisationId_aadObjectId_idx" ON "RosterMember"("organisationId", "aadObjectId");

-- CreateIndex
CREATE UNIQUE INDEX "RosterMember_organisationId_rosterId_aadObjectId_key" ON "RosterMember"("organisationId", "rosterId", "aadObjectId");

