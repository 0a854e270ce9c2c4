-- CreateTable
CREATE TABLE "RenewalLineItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "agreementNumber" TEXT NOT NULL,
    "lineItem" TEXT NOT NULL,
    "siteNumber" TEXT,
    "siteName" TEXT NOT NULL,
    "customerName" TEXT NOT NULL,
    "description" TEXT,
    "endDate" TEXT NOT NULL,
    "amount" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "quoteNumber" TEXT,
    "accountOwner" TEXT,
    "ownerUserId" TEXT,
    "state" TEXT NOT NULL DEFAULT 'open',
    "lostReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RenewalLineItem_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RenewalLineItem_organisationId_state_endDate_idx" ON "RenewalLineItem"("organisationId", "state", "endDate");

-- CreateIndex
CREATE INDEX "RenewalLineItem_organisationId_customerName_endDate_idx" ON "RenewalLineItem"("organisationId", "customerName", "endDate");

-- CreateIndex
CREATE INDEX "RenewalLineItem_organisationId_ownerUserId_state_endDate_idx" ON "RenewalLineItem"("organisationId", "ownerUserId", "state", "endDate");

-- CreateIndex
CREATE INDEX "RenewalLineItem_organisationId_quoteNumber_idx" ON "RenewalLineItem"("organisationId", "quoteNumber");

-- CreateIndex
CREATE UNIQUE INDEX "RenewalLineItem_organisationId_agreementNumber_lineItem_key" ON "RenewalLineItem"("organisationId", "agreementNumber", "lineItem");

