-- DropIndex
DROP INDEX "Engagement_organisationId_state_idx";

-- CreateIndex
CREATE INDEX "Engagement_organisationId_state_requestedAt_reference_idx" ON "Engagement"("organisationId", "state", "requestedAt", "reference");

