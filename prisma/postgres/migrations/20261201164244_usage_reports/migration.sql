-- CreateEnum
CREATE TYPE "UsageReportState" AS ENUM ('in_preparation', 'in_review', 'approved', 'rejected');

-- CreateEnum
CREATE TYPE "UsageReportSubmissionKind" AS ENUM ('manual', 'automatic');

-- CreateEnum
CREATE TYPE "UsageReportDecisionOutcome" AS ENUM ('approved', 'rejected');

-- CreateTable
CREATE TABLE "MspAccount" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "platformAccountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "distributorName" TEXT NOT NULL,
    "autoSubmitDelayDays" INTEGER NOT NULL,
    "usageReporting" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MspAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageReport" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "platformReportId" TEXT NOT NULL,
    "cycle" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "autoSubmitAt" TIMESTAMP(3) NOT NULL,
    "state" "UsageReportState" NOT NULL DEFAULT 'in_preparation',
    "version" INTEGER NOT NULL DEFAULT 0,
    "submissionKind" "UsageReportSubmissionKind",
    "submittedAt" TIMESTAMP(3),
    "submittedById" TEXT,
    "submittedByName" TEXT,
    "autoSubmissionDueAt" TIMESTAMP(3),
    "penalties" TEXT,
    "lastChangedById" TEXT,
    "lastChangedByName" TEXT,
    "lastChangedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UsageReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageReportLine" (
    "id" TEXT NOT NULL,
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
    "changedAt" TIMESTAMP(3),

    CONSTRAINT "UsageReportLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageReportDecision" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "outcome" "UsageReportDecisionOutcome" NOT NULL,
    "note" TEXT,
    "lineNotes" TEXT NOT NULL DEFAULT '[]',
    "decidedAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UsageReportDecision_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "MspAccount" ADD CONSTRAINT "MspAccount_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageReport" ADD CONSTRAINT "UsageReport_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageReport" ADD CONSTRAINT "UsageReport_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "MspAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageReportLine" ADD CONSTRAINT "UsageReportLine_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "UsageReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageReportDecision" ADD CONSTRAINT "UsageReportDecision_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "UsageReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

