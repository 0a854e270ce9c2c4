-- AlterTable
ALTER TABLE "Engagement" ADD COLUMN "completedAt" DATETIME;

-- Engagements completed before the column existed: their history's "completed" event says when.
UPDATE "Engagement" SET "completedAt" = (
    SELECT MAX("at") FROM "EngagementEvent"
    WHERE "EngagementEvent"."engagementId" = "Engagement"."id" AND "EngagementEvent"."action" = 'completed'
) WHERE "state" = 'completed';
