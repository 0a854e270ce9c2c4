// Reads the e2e database behind the bot's back, to prove that what a card says was (or was
// not) saved. Read-only: the journeys change records only by clicking, as a person does.
import { inject } from "vitest";
import { DEMO_ORGANISATION } from "../../../src/platform/import/demo/seed-demo";
import { openDatabase } from "../../../src/platform/store/db";
import { listBillingEntries } from "../../../src/workflows/engagements/store/billing";
import { findEngagementByReference, listEngagementEvents } from "../../../src/workflows/engagements/store/engagements";
import { findOrganisationByTenant } from "../../../src/platform/store/organisations";

export interface DemoRecords {
  engagement(reference: string): Promise<{ state: string; version: number; requestedAt: Date; events: string[] }>;
  /** The billing entries of an engagement, as quantity, unit cost, amount and state. */
  billingEntries(reference: string): Promise<{ quantity: string; unitCost: string; amount: string; currency: string; state: string }[]>;
  close(): Promise<void>;
}

export function openDemoRecords(): DemoRecords {
  const { db, close } = openDatabase(inject("e2e").databaseUrl, { poolSize: 1 });
  const find = async (reference: string) => {
    const organisation = await findOrganisationByTenant(db, DEMO_ORGANISATION.tenantId);
    if (!organisation) throw new Error("the demo organisation is not in the e2e database");
    const engagement = await findEngagementByReference(db, organisation.id, reference);
    if (!engagement) throw new Error(`no demo engagement ${reference}`);
    return { organisation, engagement };
  };
  return {
    engagement: async (reference) => {
      const { organisation, engagement } = await find(reference);
      const events = await listEngagementEvents(db, organisation.id, engagement.id);
      const { state, version, requestedAt } = engagement;
      return { state, version, requestedAt, events: events.map((event) => event.action) };
    },
    billingEntries: async (reference) => {
      const { organisation, engagement } = await find(reference);
      const entries = await listBillingEntries(db, organisation.id, engagement.id);
      return entries.map(({ quantity, unitCost, amount, currency, state }) => ({ quantity, unitCost, amount, currency, state }));
    },
    close,
  };
}
