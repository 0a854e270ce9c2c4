// The vendor's HTTP API holds one key for every organisation, so the tenant named in the body is
// the only thing between one organisation's records and another's: these rules pin that it
// reaches its own records only, and that bodies of the wrong shape or size change nothing.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BillingEntry } from "../../src/workflows/engagements/domain/billing";
import { type Engagement, eventFor } from "../../src/workflows/engagements/domain/engagements";
import { findBillingEntry, insertBillingEntry } from "../../src/workflows/engagements/store/billing";
import { findEngagement, insertEngagement, listEngagementEvents } from "../../src/workflows/engagements/store/engagements";
import { ensureOrganisation } from "../../src/platform/store/organisations";
import { startTestBot, TEST_TENANT_ID, type TestBot } from "../support/bot";

const VENDOR_API_KEY = "vendor-key-0123456789-abcdef";
const RIVAL_TENANT_ID = "tenant-rival";
const now = new Date("2026-11-02T10:00:00Z");

let bot: TestBot;
let engagement: Engagement;
let entry: BillingEntry;

async function storeApprovedEngagement(organisationId: string, externalId: string): Promise<Engagement> {
  const approved: Engagement = {
    id: `eng-${randomUUID()}`,
    organisationId,
    externalId,
    reference: "ENG-8001",
    title: "Managed backup",
    clientName: "Fabrikam",
    productName: "Backup as a service",
    requestedAt: new Date("2026-09-01T08:00:00Z"),
    state: "approved",
    version: 1,
  };
  await bot.database.db.$transaction((tx) =>
    insertEngagement(tx, { engagement: approved, events: [eventFor(approved, "approved", { aadObjectId: "aad-x", name: "Ana" }, approved.requestedAt)] }),
  );
  return approved;
}

function post(path: string, body: string, headers: Record<string, string> = { authorization: `Bearer ${VENDOR_API_KEY}` }) {
  return fetch(`${bot.baseUrl}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
}

const rating = () => ({ decisionId: `dec-${randomUUID()}`, outcome: "rated", ratedAmount: "99.00", currency: "EUR", decidedAt: "2026-11-02T11:00:00+01:00" });

async function unchanged(): Promise<void> {
  expect((await findBillingEntry(bot.database.db, bot.organisation.id, entry.id))?.state).toBe("submitted");
  expect((await findEngagement(bot.database.db, bot.organisation.id, engagement.id))?.state).toBe("approved");
  expect(await listEngagementEvents(bot.database.db, bot.organisation.id, engagement.id)).toHaveLength(1);
}

beforeAll(async () => {
  bot = await startTestBot({ env: { VENDOR_API_KEY }, app: { clock: () => now } });
  engagement = await storeApprovedEngagement(bot.organisation.id, "ext-8001");
  entry = {
    id: randomUUID(),
    organisationId: bot.organisation.id,
    engagementId: engagement.id,
    reference: "ENG-8001-B1",
    usageMonth: "2026-10",
    quantity: "10",
    unit: "hour",
    unitCost: "12.50",
    currency: "EUR",
    amount: "125.00",
    state: "submitted",
    submittedAt: new Date("2026-11-01T09:00:00Z"),
    submittedById: "aad-billing",
    submittedByName: "Bea",
    idempotencyKey: `${engagement.id}:seed`,
  };
  await insertBillingEntry(bot.database.db, entry);
  // Another organisation the vendor also serves, with an engagement of the same reference.
  const rival = await ensureOrganisation(bot.database.db, RIVAL_TENANT_ID, { name: "Rival Partners", timeZone: "UTC" });
  await storeApprovedEngagement(rival.id, "ext-rival-8001");
});

afterAll(async () => bot?.stop());

describe("the tenant named in an API body", () => {
  it("cannot rate or reject another organisation's billing entry, by id or by reference", async () => {
    for (const locator of [{ billingEntryId: entry.id }, { submissionReference: entry.reference }]) {
      for (const decision of [rating(), { ...rating(), outcome: "rejected", reason: "forged", ratedAmount: undefined, currency: undefined }]) {
        const response = await post("/api/v1/billing-decisions", JSON.stringify({ organisationTenantId: RIVAL_TENANT_ID, ...locator, ...decision }));
        expect(response.status).toBe(404);
        expect(JSON.stringify(await response.json())).not.toContain(entry.reference);
      }
    }
    await unchanged();
  });

  it("cannot record a completion request on another organisation's engagement", async () => {
    const response = await post(
      "/api/v1/completion-requests",
      JSON.stringify({ organisationTenantId: RIVAL_TENANT_ID, engagementExternalId: engagement.externalId, requestedAt: "2026-11-02T09:00:00Z" }),
    );
    expect(response.status).toBe(404);
    await unchanged();
  });

  it("answers 404 for a tenant the bot does not know, creating nothing", async () => {
    const response = await post("/api/v1/billing-decisions", JSON.stringify({ organisationTenantId: "tenant-unknown", billingEntryId: entry.id, ...rating() }));
    expect(response.status).toBe(404);
    expect(await bot.database.db.organisation.count({ where: { tenantId: "tenant-unknown" } })).toBe(0);
    await unchanged();
  });
});

describe("API bodies of the wrong shape or size", () => {
  it("answers 400 to a body that is not one JSON object, or names a field the API does not take", async () => {
    const cases = ["[]", '"rated"', "42", JSON.stringify({ organisationTenantId: TEST_TENANT_ID, billingEntryId: entry.id, ...rating(), organisationId: "x" })];
    for (const body of cases) {
      const response = await post("/api/v1/billing-decisions", body);
      expect(response.status, body).toBe(400);
      expect(await response.json(), body).toMatchObject({ error: "invalid_request" });
    }
    await unchanged();
  });

  it("refuses a body over 1 MB with 413 before reading it as a decision", async () => {
    const huge = JSON.stringify({
      organisationTenantId: TEST_TENANT_ID,
      billingEntryId: entry.id,
      ...rating(),
      outcome: "rejected",
      reason: "x".repeat(2 * 1024 * 1024),
    });
    const response = await post("/api/v1/billing-decisions", huge);
    expect(response.status).toBe(413);
    await unchanged();
  });

  it("takes the key only as a bearer token or X-Api-Key, never from another scheme or the body", async () => {
    const body = { organisationTenantId: TEST_TENANT_ID, billingEntryId: entry.id, ...rating() };
    const wrongPlaces: Record<string, string>[] = [{ authorization: `Basic ${VENDOR_API_KEY}` }, { authorization: VENDOR_API_KEY }, { "x-api-key": "" }];
    for (const headers of wrongPlaces) {
      expect((await post("/api/v1/billing-decisions", JSON.stringify(body), headers)).status).toBe(401);
    }
    expect((await post("/api/v1/billing-decisions", JSON.stringify({ ...body, apiKey: VENDOR_API_KEY }), {})).status).toBe(401);
    await unchanged();
  });
});
