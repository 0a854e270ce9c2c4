-- CreateTable
CREATE TABLE "BillingEntry" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "usageMonth" TEXT NOT NULL,
    "quantity" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "unitCost" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "amount" TEXT NOT NULL,
    "notes" TEXT,
    "state" TEXT NOT NULL DEFAULT 'submitted',
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "submittedById" TEXT NOT NULL,
    "submittedByName" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "supersedesId" TEXT,
    "decisionId" TEXT,
    "decisionSource" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReceivedAt" TIMESTAMP(3),
    "ratedAmount" TEXT,
    "ratedCurrency" TEXT,
    "rejectionReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BillingEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationReference" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "aadObjectId" TEXT,
    "teamsUserId" TEXT,
    "teamId" TEXT,
    "serviceUrl" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "locale" TEXT,
    "timeZone" TEXT,
    "deadAt" TIMESTAMP(3),
    "deadReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConversationReference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderPreference" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "aadObjectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "muted" BOOLEAN NOT NULL DEFAULT false,
    "snoozedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderPreference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "deadlineKey" TEXT NOT NULL,
    "threshold" TEXT NOT NULL,
    "deadlineAt" TIMESTAMP(3),
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "lastError" TEXT,
    "payload" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BillingEntry_supersedesId_key" ON "BillingEntry"("supersedesId");

-- CreateIndex
CREATE INDEX "BillingEntry_engagementId_usageMonth_idx" ON "BillingEntry"("engagementId", "usageMonth");

-- CreateIndex
CREATE INDEX "BillingEntry_organisationId_state_submittedAt_idx" ON "BillingEntry"("organisationId", "state", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "BillingEntry_organisationId_idempotencyKey_key" ON "BillingEntry"("organisationId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "BillingEntry_organisationId_reference_key" ON "BillingEntry"("organisationId", "reference");

-- CreateIndex
CREATE UNIQUE INDEX "BillingEntry_organisationId_decisionId_key" ON "BillingEntry"("organisationId", "decisionId");

-- CreateIndex
CREATE INDEX "ConversationReference_organisationId_aadObjectId_idx" ON "ConversationReference"("organisationId", "aadObjectId");

-- CreateIndex
CREATE UNIQUE INDEX "ConversationReference_organisationId_conversationId_key" ON "ConversationReference"("organisationId", "conversationId");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderPreference_organisationId_aadObjectId_kind_key" ON "ReminderPreference"("organisationId", "aadObjectId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_state_nextAttemptAt_idx" ON "OutboxMessage"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_organisationId_recipient_state_idx" ON "OutboxMessage"("organisationId", "recipient", "state");

-- AddForeignKey
ALTER TABLE "BillingEntry" ADD CONSTRAINT "BillingEntry_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BillingEntry" ADD CONSTRAINT "BillingEntry_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "BillingEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

