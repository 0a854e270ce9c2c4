// Records as the vendor-portal import creates them, for tests that need an engagement to act on.
import { type Engagement, eventFor } from "../../src/workflows/engagements/domain/engagements";
import type { Db } from "../../src/platform/store/db";
import { insertEngagement } from "../../src/workflows/engagements/store/engagements";

/** A pending engagement request with plausible details; `overrides` name what the test cares about. */
export function engagementRequest(organisationId: string, reference: string, overrides: Partial<Engagement> = {}): Engagement {
  return {
    id: `eng-${organisationId.slice(0, 8)}-${reference}`,
    organisationId,
    externalId: `ext-${reference}`,
    reference,
    title: `Managed service ${reference}`,
    clientName: "Fabrikam",
    productName: "Managed firewall",
    requestedAt: new Date("2026-11-20T08:00:00Z"),
    state: "pending",
    version: 1,
    ...overrides,
  };
}

/** Stores `engagement` with the "created" history entry the import writes. */
export async function insertImported(db: Db, engagement: Engagement, importedBy = "Vendor portal import"): Promise<Engagement> {
  await db.$transaction((tx) =>
    insertEngagement(tx, { engagement, events: [eventFor(engagement, "created", { aadObjectId: "import", name: importedBy }, engagement.requestedAt)] }),
  );
  return engagement;
}
