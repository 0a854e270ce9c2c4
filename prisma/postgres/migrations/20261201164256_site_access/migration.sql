-- CreateEnum
CREATE TYPE "SiteAccessRequestState" AS ENUM ('pending', 'awaiting_vendor', 'approved', 'rejected');

-- CreateEnum
CREATE TYPE "SiteRole" AS ENUM ('user', 'secondary_contact');

-- CreateEnum
CREATE TYPE "SiteUserState" AS ENUM ('active', 'removed');

-- CreateTable
CREATE TABLE "ResellerSite" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "siteNumber" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "primaryContactUserId" TEXT,
    "primaryContactName" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResellerSite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SiteUser" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "SiteRole" NOT NULL DEFAULT 'user',
    "mayApprove" BOOLEAN NOT NULL DEFAULT false,
    "entitlements" TEXT NOT NULL DEFAULT '[]',
    "state" "SiteUserState" NOT NULL DEFAULT 'active',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SiteUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SiteAccessRequest" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "requestKey" TEXT NOT NULL,
    "openKey" TEXT,
    "siteNumber" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "requesterName" TEXT NOT NULL,
    "claimsPrimaryContact" BOOLEAN NOT NULL DEFAULT false,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "state" "SiteAccessRequestState" NOT NULL DEFAULT 'pending',
    "decisionId" TEXT,
    "decidedById" TEXT,
    "decidedByName" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "grantedRole" "SiteRole",
    "grantedMayApprove" BOOLEAN,
    "grantedEntitlements" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SiteAccessRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SiteAccessSettings" (
    "organisationId" TEXT NOT NULL,
    "pendingSlaDays" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SiteAccessSettings_pkey" PRIMARY KEY ("organisationId")
);

-- CreateIndex
CREATE INDEX "ResellerSite_organisationId_primaryContactUserId_idx" ON "ResellerSite"("organisationId", "primaryContactUserId");

-- CreateIndex
CREATE UNIQUE INDEX "ResellerSite_organisationId_siteNumber_key" ON "ResellerSite"("organisationId", "siteNumber");

-- CreateIndex
CREATE INDEX "SiteUser_organisationId_userId_state_idx" ON "SiteUser"("organisationId", "userId", "state");

-- CreateIndex
CREATE INDEX "SiteUser_siteId_state_name_idx" ON "SiteUser"("siteId", "state", "name");

-- CreateIndex
CREATE UNIQUE INDEX "SiteUser_siteId_userId_key" ON "SiteUser"("siteId", "userId");

-- CreateIndex
CREATE INDEX "SiteAccessRequest_organisationId_state_requestedAt_idx" ON "SiteAccessRequest"("organisationId", "state", "requestedAt");

-- CreateIndex
CREATE INDEX "SiteAccessRequest_organisationId_siteNumber_state_idx" ON "SiteAccessRequest"("organisationId", "siteNumber", "state");

-- CreateIndex
CREATE INDEX "SiteAccessRequest_organisationId_requesterId_requestedAt_idx" ON "SiteAccessRequest"("organisationId", "requesterId", "requestedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SiteAccessRequest_organisationId_requestKey_key" ON "SiteAccessRequest"("organisationId", "requestKey");

-- CreateIndex
CREATE UNIQUE INDEX "SiteAccessRequest_organisationId_openKey_key" ON "SiteAccessRequest"("organisationId", "openKey");

-- CreateIndex
CREATE UNIQUE INDEX "SiteAccessRequest_organisationId_decisionId_key" ON "SiteAccessRequest"("organisationId", "decisionId");

-- AddForeignKey
ALTER TABLE "ResellerSite" ADD CONSTRAINT "ResellerSite_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteUser" ADD CONSTRAINT "SiteUser_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteUser" ADD CONSTRAINT "SiteUser_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "ResellerSite"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteAccessRequest" ADD CONSTRAINT "SiteAccessRequest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteAccessSettings" ADD CONSTRAINT "SiteAccessSettings_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

