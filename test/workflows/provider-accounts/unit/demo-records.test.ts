// The demo shows every case of issue 16 at once: a dozen customer records, three unmapped
// accounts (a shared domain, a similar name only, no good match) and an invitation sent eight
// days ago that is due a follow-up.
import { describe, expect, it } from "vitest";
import { DEMO_CUSTOMER_RECORDS, demoProviderAccounts, demoRelationshipRequest } from "../../../../src/workflows/provider-accounts/demo/demo-records";
import { type CustomerRecord, importCustomerRecord } from "../../../../src/workflows/provider-accounts/domain/customer-records";
import { escalatesToAdmins, isFollowUpDue } from "../../../../src/workflows/provider-accounts/domain/deadlines";
import { type ProviderAccount, receiveProviderAccount } from "../../../../src/workflows/provider-accounts/domain/provider-accounts";
import { recordRelationshipRequest } from "../../../../src/workflows/provider-accounts/domain/relationship-requests";
import { suggestCustomers } from "../../../../src/workflows/provider-accounts/domain/suggestions";
import { billing } from "./fixtures";

const now = new Date("2026-12-01T10:00:00Z");

const customers: CustomerRecord[] = DEMO_CUSTOMER_RECORDS.map((row, index) => {
  const result = importCustomerRecord(undefined, row);
  if (!result.ok || result.value.outcome !== "created") throw new Error(`demo customer ${row.id} refused`);
  return { ...result.value.facts, id: `c-${index}`, organisationId: "org-demo" };
});
const accounts: ProviderAccount[] = demoProviderAccounts(now).map((row, index) => {
  const result = receiveProviderAccount(undefined, row, now);
  if (!result.ok || result.value.outcome !== "appeared") throw new Error(`demo account ${row.providerAccountId} refused`);
  return { ...result.value.facts, id: `pa-${index}`, organisationId: "org-demo", state: "unmapped", version: 0 };
});

describe("the demo data", () => {
  it("has a dozen customer records the import accepts", () => {
    expect(customers).toHaveLength(12);
  });

  it("has one unmapped account sharing a domain with a record, one with only a similar name, one like none", () => {
    const [byDomain, byName, stranger] = accounts.map((account) => suggestCustomers(account, customers));
    expect(byDomain?.[0]).toMatchObject({ customer: { externalId: "CRM-1001" }, reasons: ["same_domain", "similar_name"] });
    expect(byName?.[0]).toMatchObject({ customer: { externalId: "CRM-1008" }, reasons: ["similar_name"] });
    expect(stranger).toEqual([]);
  });

  it("has one account waiting long enough for admins to hear of it", () => {
    expect(accounts.map((account) => escalatesToAdmins(account, now))).toEqual([false, false, true]);
  });

  it("has an invitation sent eight days ago, not accepted, due a follow-up", () => {
    const recorded = recordRelationshipRequest(demoRelationshipRequest(now), billing, now);
    if (!recorded.ok) throw new Error(recorded.refusal.code);
    expect(isFollowUpDue(recorded.value.facts, { invitationFollowUpDays: 7 }, "Europe/Paris", now)).toBe(true);
  });
});
