-- CreateEnum
CREATE TYPE "ProviderAccountMappingState" AS ENUM ('unmapped', 'mapped');

-- CreateEnum
CREATE TYPE "RelationshipRequestState" AS ENUM ('sent', 'accepted', 'withdrawn');

-- CreateTable
CREATE TABLE "CustomerRecord" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "domains" TEXT NOT NULL DEFAULT '[]',
    "tenantId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomerRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProviderAccount" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "domains" TEXT NOT NULL DEFAULT '[]',
    "customerTenantId" TEXT,
    "appearedAt" TIMESTAMP(3) NOT NULL,
    "state" "ProviderAccountMappingState" NOT NULL DEFAULT 'unmapped',
    "customerRecordId" TEXT,
    "mappedAt" TIMESTAMP(3),
    "mappedById" TEXT,
    "mappedByName" TEXT,
    "mappingReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProviderAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RelationshipRequest" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "customerName" TEXT NOT NULL,
    "primaryDomain" TEXT NOT NULL,
    "customerTenantId" TEXT,
    "sentById" TEXT NOT NULL,
    "sentByName" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "state" "RelationshipRequestState" NOT NULL DEFAULT 'sent',
    "acceptedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "withdrawnById" TEXT,
    "withdrawnByName" TEXT,
    "withdrawalReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RelationshipRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CustomerRecord_organisationId_tenantId_idx" ON "CustomerRecord"("organisationId", "tenantId");

-- CreateIndex
CREATE INDEX "CustomerRecord_organisationId_name_idx" ON "CustomerRecord"("organisationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerRecord_organisationId_externalId_key" ON "CustomerRecord"("organisationId", "externalId");

-- CreateIndex
CREATE INDEX "ProviderAccount_organisationId_state_appearedAt_idx" ON "ProviderAccount"("organisationId", "state", "appearedAt");

-- CreateIndex
CREATE INDEX "ProviderAccount_organisationId_mappedAt_idx" ON "ProviderAccount"("organisationId", "mappedAt");

-- CreateIndex
CREATE INDEX "ProviderAccount_customerRecordId_idx" ON "ProviderAccount"("customerRecordId");

-- CreateIndex
CREATE INDEX "ProviderAccount_organisationId_customerTenantId_idx" ON "ProviderAccount"("organisationId", "customerTenantId");

-- CreateIndex
CREATE UNIQUE INDEX "ProviderAccount_organisationId_provider_providerAccountId_key" ON "ProviderAccount"("organisationId", "provider", "providerAccountId");

-- CreateIndex
CREATE INDEX "RelationshipRequest_organisationId_state_sentAt_idx" ON "RelationshipRequest"("organisationId", "state", "sentAt");

-- CreateIndex
CREATE INDEX "RelationshipRequest_organisationId_sentById_state_idx" ON "RelationshipRequest"("organisationId", "sentById", "state");

-- CreateIndex
CREATE INDEX "RelationshipRequest_organisationId_customerTenantId_idx" ON "RelationshipRequest"("organisationId", "customerTenantId");

-- CreateIndex
CREATE INDEX "RelationshipRequest_organisationId_primaryDomain_idx" ON "RelationshipRequest"("organisationId", "primaryDomain");

-- AddForeignKey
ALTER TABLE "CustomerRecord" ADD CONSTRAINT "CustomerRecord_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProviderAccount" ADD CONSTRAINT "ProviderAccount_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProviderAccount" ADD CONSTRAINT "ProviderAccount_customerRecordId_fkey" FOREIGN KEY ("customerRecordId") REFERENCES "CustomerRecord"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RelationshipRequest" ADD CONSTRAINT "RelationshipRequest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

