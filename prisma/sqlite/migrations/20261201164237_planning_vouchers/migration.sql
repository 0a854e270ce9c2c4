-- CreateTable
CREATE TABLE "PlanningVoucher" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "vendorVoucherId" TEXT NOT NULL,
    "vendorVoucherKey" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "customerName" TEXT NOT NULL,
    "administratorEmail" TEXT NOT NULL,
    "assignedPartnerId" TEXT NOT NULL,
    "offering" TEXT NOT NULL,
    "engagementTypeCode" TEXT NOT NULL,
    "valueKind" TEXT NOT NULL,
    "valueDays" INTEGER,
    "valueAmount" TEXT,
    "valueCurrency" TEXT,
    "assignedOn" TEXT NOT NULL,
    "expiresOn" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'assigned',
    "version" INTEGER NOT NULL DEFAULT 0,
    "reservedAt" DATETIME,
    "reservedById" TEXT,
    "reservedByName" TEXT,
    "qualifyingCompetency" TEXT,
    "competencyValidThrough" TEXT,
    "enrolmentAnniversary" TEXT,
    "scheduledAt" DATETIME,
    "scheduledById" TEXT,
    "scheduledByName" TEXT,
    "startOn" TEXT,
    "endOn" TEXT,
    "consultantId" TEXT,
    "consultantName" TEXT,
    "qualifyingExam" TEXT,
    "examValidThrough" TEXT,
    "expiresBeforeDelivery" BOOLEAN NOT NULL DEFAULT false,
    "completionFiledAt" DATETIME,
    "completionFiledById" TEXT,
    "completionFiledByName" TEXT,
    "deliveredOn" TEXT,
    "deliverables" TEXT,
    "acceptedByName" TEXT,
    "acceptedByEmail" TEXT,
    "redeemedAt" DATETIME,
    "redeemedById" TEXT,
    "redeemedByName" TEXT,
    "invoicedAt" DATETIME,
    "invoicedById" TEXT,
    "invoicedByName" TEXT,
    "invoiceNumber" TEXT,
    "invoiceAmount" TEXT,
    "invoiceCurrency" TEXT,
    "paymentRecordedAt" DATETIME,
    "paymentReference" TEXT,
    "paidOn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PlanningVoucher_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PlanningVoucher_consultantId_fkey" FOREIGN KEY ("consultantId") REFERENCES "PlanningConsultant" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanningEngagementType" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "offering" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "qualifyingCompetencies" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PlanningEngagementType_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanningPartnerId" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "vendorPartnerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlanningPartnerId_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanningEnrolment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "offering" TEXT NOT NULL,
    "enrolledOn" TEXT NOT NULL,
    "anniversaryOn" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PlanningEnrolment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanningCompetency" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "vendorCompetencyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "validThrough" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PlanningCompetency_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanningConsultant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "vendorConsultantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "complianceTrainingOn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PlanningConsultant_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanningConsultantExam" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "consultantId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passedOn" TEXT NOT NULL,
    "validThrough" TEXT,
    CONSTRAINT "PlanningConsultantExam_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PlanningConsultantExam_consultantId_fkey" FOREIGN KEY ("consultantId") REFERENCES "PlanningConsultant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PlanningVoucher_organisationId_state_expiresOn_idx" ON "PlanningVoucher"("organisationId", "state", "expiresOn");

-- CreateIndex
CREATE INDEX "PlanningVoucher_consultantId_idx" ON "PlanningVoucher"("consultantId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanningVoucher_organisationId_vendorVoucherKey_key" ON "PlanningVoucher"("organisationId", "vendorVoucherKey");

-- CreateIndex
CREATE UNIQUE INDEX "PlanningVoucher_organisationId_reference_key" ON "PlanningVoucher"("organisationId", "reference");

-- CreateIndex
CREATE UNIQUE INDEX "PlanningVoucher_organisationId_invoiceNumber_key" ON "PlanningVoucher"("organisationId", "invoiceNumber");

-- CreateIndex
CREATE UNIQUE INDEX "PlanningVoucher_organisationId_paymentReference_key" ON "PlanningVoucher"("organisationId", "paymentReference");

-- CreateIndex
CREATE UNIQUE INDEX "PlanningEngagementType_organisationId_code_key" ON "PlanningEngagementType"("organisationId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "PlanningPartnerId_organisationId_vendorPartnerId_key" ON "PlanningPartnerId"("organisationId", "vendorPartnerId");

-- CreateIndex
CREATE INDEX "PlanningEnrolment_organisationId_anniversaryOn_idx" ON "PlanningEnrolment"("organisationId", "anniversaryOn");

-- CreateIndex
CREATE UNIQUE INDEX "PlanningEnrolment_organisationId_offering_key" ON "PlanningEnrolment"("organisationId", "offering");

-- CreateIndex
CREATE INDEX "PlanningCompetency_organisationId_validThrough_idx" ON "PlanningCompetency"("organisationId", "validThrough");

-- CreateIndex
CREATE UNIQUE INDEX "PlanningCompetency_organisationId_vendorCompetencyId_key" ON "PlanningCompetency"("organisationId", "vendorCompetencyId");

-- CreateIndex
CREATE INDEX "PlanningConsultant_organisationId_name_idx" ON "PlanningConsultant"("organisationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "PlanningConsultant_organisationId_vendorConsultantId_key" ON "PlanningConsultant"("organisationId", "vendorConsultantId");

-- CreateIndex
CREATE INDEX "PlanningConsultantExam_organisationId_validThrough_idx" ON "PlanningConsultantExam"("organisationId", "validThrough");

-- CreateIndex
CREATE UNIQUE INDEX "PlanningConsultantExam_consultantId_code_key" ON "PlanningConsultantExam"("consultantId", "code");

