-- CreateTable
CREATE TABLE "MspAccount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "platformAccountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "distributorName" TEXT NOT NULL,
    "autoSubmitDelayDays" INTEGER NOT NULL,
    "usageReporting" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MspAccount_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UsageReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "platformReportId" TEXT NOT NULL,
    "cycle" TEXT NOT NULL,
    "openedAt" DATETIME NOT NULL,
    "autoSubmitAt" DATETIME NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'in_preparation',
    "version" INTEGER NOT NULL DEFAULT 0,
    "submissionKind" TEXT,
    "submittedAt" DATETIME,
    "submittedById" TEXT,
    "submittedByName" TEXT,
    "autoSubmissionDueAt" DATETIME,
    "penalties" TEXT,
    "lastChangedById" TEXT,
    "lastChangedByName" TEXT,
    "lastChangedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "UsageReport_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "UsageReport_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "MspAccount" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UsageReportLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "lineId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "product" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "provisionedUnits" TEXT NOT NULL,
    "platformBillableUnits" TEXT NOT NULL,
    "billableUnits" TEXT NOT NULL,
    "comment" TEXT,
    "billableSetByMsp" BOOLEAN NOT NULL DEFAULT false,
    "changedInVersion" INTEGER NOT NULL DEFAULT 0,
    "changedById" TEXT,
    "changedByName" TEXT,
    "changedAt" DATETIME,
    CONSTRAINT "UsageReportLine_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "UsageReport" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UsageReportDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "note" TEXT,
    "lineNotes" TEXT NOT NULL DEFAULT '[]',
    "decidedAt" DATETIME NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    CONSTRAINT "UsageReportDecision_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "UsageReport" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "MspAccount_organisationId_platformAccountId_key" ON "MspAccount"("organisationId", "platformAccountId");

-- CreateIndex
CREATE INDEX "UsageReport_organisationId_cycle_idx" ON "UsageReport"("organisationId", "cycle");

-- CreateIndex
CREATE INDEX "UsageReport_state_autoSubmitAt_idx" ON "UsageReport"("state", "autoSubmitAt");

-- CreateIndex
CREATE INDEX "UsageReport_organisationId_state_autoSubmitAt_idx" ON "UsageReport"("organisationId", "state", "autoSubmitAt");

-- CreateIndex
CREATE UNIQUE INDEX "UsageReport_organisationId_platformReportId_key" ON "UsageReport"("organisationId", "platformReportId");

-- CreateIndex
CREATE UNIQUE INDEX "UsageReport_accountId_cycle_key" ON "UsageReport"("accountId", "cycle");

-- CreateIndex
CREATE INDEX "UsageReportLine_reportId_position_idx" ON "UsageReportLine"("reportId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "UsageReportLine_reportId_lineId_key" ON "UsageReportLine"("reportId", "lineId");

-- CreateIndex
CREATE INDEX "UsageReportDecision_reportId_decidedAt_idx" ON "UsageReportDecision"("reportId", "decidedAt");

-- CreateIndex
CREATE UNIQUE INDEX "UsageReportDecision_organisationId_decisionId_key" ON "UsageReportDecision"("organisationId", "decisionId");

