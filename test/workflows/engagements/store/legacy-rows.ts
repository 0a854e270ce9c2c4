// Engagements and their history as releases before the audit table stored them (table
// EngagementEvent), written with plain SQL so that the current client's models are not needed.
import type { Db } from "../../../../src/platform/store/db";

export interface LegacyEngagement {
  id: string;
  organisationId: string;
  reference: string;
  state: string;
  version: number;
  requestedAt: Date;
  decision?: { at: Date; byId: string; byName: string; reason?: string };
}

export interface LegacyEvent {
  id: string;
  organisationId: string;
  engagementId: string;
  sequence: number;
  at: Date;
  action: string;
  actorId: string | null;
  actorName: string;
  reason: string | null;
  details: string | null;
}

/** An organisation as that release stored it: raw SQL, since today's client reads columns added since. */
export async function insertLegacyOrganisation(db: Db, organisation: { id: string; tenantId: string; timeZone: string }): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "Organisation" ("id", "tenantId", "name", "timeZone") VALUES (${organisation.id}, ${organisation.tenantId}, ${"Forward Partners"}, ${organisation.timeZone})`;
}

export async function insertLegacyEngagement(db: Db, e: LegacyEngagement): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "Engagement" ("id", "organisationId", "externalId", "reference", "title", "clientName", "productName",
      "requestedAt", "state", "version", "decidedAt", "decidedById", "decidedByName", "decisionReason", "updatedAt")
    VALUES (${e.id}, ${e.organisationId}, ${`ext-${e.reference}`}, ${e.reference}, ${`Managed service ${e.reference}`}, ${"Fabrikam"},
      ${"Managed firewall"}, ${e.requestedAt}, ${e.state}, ${e.version}, ${e.decision?.at ?? null}, ${e.decision?.byId ?? null},
      ${e.decision?.byName ?? null}, ${e.decision?.reason ?? null}, ${e.requestedAt})`;
}

export async function insertLegacyEvent(db: Db, event: LegacyEvent): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "EngagementEvent" ("id", "organisationId", "engagementId", "sequence", "at", "action", "actorId", "actorName", "reason", "details")
    VALUES (${event.id}, ${event.organisationId}, ${event.engagementId}, ${event.sequence}, ${event.at}, ${event.action},
      ${event.actorId}, ${event.actorName}, ${event.reason}, ${event.details})`;
}
