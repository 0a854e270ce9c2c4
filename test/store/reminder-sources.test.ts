// The shipped deadline sources on real data: the billing window closing for approved
// engagements with no entry for the month, and billing submissions unrated after 24 hours.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BillingEntry } from "../../src/workflows/engagements/domain/billing";
import { defaultReminderSettings } from "../../src/platform/reminders/settings";
import { billingUnratedSource } from "../../src/workflows/engagements/deadlines/billing-unrated";
import { billingWindowSource } from "../../src/workflows/engagements/deadlines/billing-window";
import { pendingApprovalSource } from "../../src/workflows/engagements/deadlines/pending-approval";
import { insertBillingEntry } from "../../src/workflows/engagements/store/billing";
import type { Organisation } from "../../src/platform/store/organisations";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { organisationNamed, pendingEngagement } from "./reminder-fixtures";

let database: TestDatabase;
let organisation: Organisation;
const settings = defaultReminderSettings();

function entry(id: string, engagementId: string, month: string, submittedAt: Date, state: BillingEntry["state"] = "submitted"): BillingEntry {
  return {
    id,
    organisationId: organisation.id,
    engagementId,
    reference: `REF-${id}`,
    usageMonth: month,
    quantity: "10",
    unit: "hour",
    unitCost: "12.50",
    currency: "EUR",
    amount: "125.00",
    state,
    submittedAt,
    submittedById: "aad-billing",
    submittedByName: "Bea Billing",
    idempotencyKey: `key-${id}`,
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  organisation = await organisationNamed(database.db, "tenant-sources", "Europe/Paris");
  for (const reference of ["ENG-A", "ENG-B", "ENG-C"]) {
    const engagement = await pendingEngagement(database.db, organisation, reference, new Date("2026-09-01T08:00:00Z"));
    await database.db.engagement.update({ where: { id: engagement.id }, data: { state: "approved", version: 2 } });
  }
  await database.db.$transaction(async (tx) => {
    await insertBillingEntry(tx, entry("b1", "eng-tenant-sources-ENG-A", "2026-10", new Date("2026-10-31T09:00:00Z")));
    await insertBillingEntry(tx, entry("b2", "eng-tenant-sources-ENG-B", "2026-10", new Date("2026-10-20T09:00:00Z"), "rejected"));
  });
});

afterAll(async () => database?.destroy());

describe("the billing window source", () => {
  it("says nothing before three days ahead of the last billable day", async () => {
    expect(await billingWindowSource.due(database.db, organisation, new Date("2026-10-29T12:00:00Z"), settings)).toEqual([]);
  });

  it("reminds, the day before October's window closes, about approved engagements with no live entry for October", async () => {
    const items = await billingWindowSource.due(database.db, organisation, new Date("2026-11-01T08:00:00Z"), settings);
    expect(items.map((i) => [i.facts.reference, i.threshold, i.facts.month])).toEqual([
      ["ENG-B", "oneDay", "2026-10"],
      ["ENG-C", "oneDay", "2026-10"],
    ]);
    expect(items[0]?.deadlineAt).toEqual(new Date("2026-11-02T23:00:00Z"));
    // The button opens the form on the month whose window is closing, not the current one.
    expect(items[0]?.fix).toMatchObject({ verb: "billing.form", data: { engagementId: "eng-tenant-sources-ENG-B", month: "2026-10" } });
    expect([...(items[0]?.recipients.roles ?? [])].sort()).toEqual(["admin", "billing"]);
  });

  it("sends the last reminder on the morning of the last day, and none once the window has closed", async () => {
    const lastMorning = await billingWindowSource.due(database.db, organisation, new Date("2026-11-02T07:30:00Z"), settings);
    expect(new Set(lastMorning.map((i) => i.threshold))).toEqual(new Set(["lastDay"]));
    const closed = await billingWindowSource.due(database.db, organisation, new Date("2026-11-02T23:00:00Z"), settings);
    expect(closed.filter((i) => i.facts.month === "2026-10")).toEqual([]);
  });
});

describe("the billing window source after completion", () => {
  beforeAll(async () => {
    // Paris is UTC+2 until 25 October: 22:30 UTC on 30 September is already 1 October there.
    const completions = { "ENG-D": "2026-10-15T09:00:00Z", "ENG-E": "2026-09-30T21:00:00Z", "ENG-F": "2026-09-30T22:30:00Z" };
    for (const [reference, completedAt] of Object.entries(completions)) {
      const engagement = await pendingEngagement(database.db, organisation, reference, new Date("2026-09-01T08:00:00Z"));
      await database.db.engagement.update({ where: { id: engagement.id }, data: { state: "completed", version: 4, completedAt: new Date(completedAt) } });
    }
  });

  it("still reminds about an engagement completed in October, in the organisation's zone, and not one completed in September", async () => {
    const items = await billingWindowSource.due(database.db, organisation, new Date("2026-11-01T08:00:00Z"), settings);
    expect(items.map((i) => [i.facts.reference, i.facts.month])).toEqual([
      ["ENG-B", "2026-10"],
      ["ENG-C", "2026-10"],
      ["ENG-D", "2026-10"],
      ["ENG-F", "2026-10"],
    ]);
  });
});

describe("the unrated submission source", () => {
  it("flags a submission still unrated 24 hours after it was sent, and not before", async () => {
    const before = await billingUnratedSource.due(database.db, organisation, new Date("2026-11-01T08:59:00Z"), settings);
    expect(before).toEqual([]);
    const after = await billingUnratedSource.due(database.db, organisation, new Date("2026-11-01T09:00:00Z"), settings);
    expect(after.map((i) => [i.facts.entry, i.facts.reference, i.deadlineKey])).toEqual([["REF-b1", "ENG-A", "billing-unrated:b1"]]);
  });
});

describe("the pending approval source", () => {
  it("ignores engagements that are no longer pending", async () => {
    expect(await pendingApprovalSource.due(database.db, organisation, new Date("2026-11-01T09:00:00Z"), settings)).toEqual([]);
  });
});
