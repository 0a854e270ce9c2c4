// Issue 16 and DOMAIN.md section 4: a reseller-relationship request is sent to a customer, then
// accepted by them (the time comes from the vendor's side) or withdrawn by its sender.
import { describe, expect, it } from "vitest";
import {
  acceptRelationshipRequest,
  recordRelationshipRequest,
  requestForAcceptance,
  type RelationshipRequest,
  withdrawRelationshipRequest,
} from "../../../../src/workflows/provider-accounts/domain/relationship-requests";
import { admin, approver, billing, otherBilling, sentRequest, viewer } from "./fixtures";

const now = new Date("2026-12-01T10:00:00Z");
const tenant = "5a6b7c8d-1111-4222-8333-944455556666";

describe("recording a relationship request sent", () => {
  it("records the customer, who sent it and when, as sent", () => {
    const result = recordRelationshipRequest({ customerName: "Northwind Traders", primaryDomain: "NorthwindTraders.com" }, billing, now);
    expect(result).toEqual({
      ok: true,
      value: {
        facts: {
          customerName: "Northwind Traders",
          primaryDomain: "northwindtraders.com",
          sentById: "u-bea",
          sentByName: "Bea Billing",
          sentAt: now,
          state: "sent",
        },
        audit: expect.objectContaining({ action: "relationshipRequest.sent" }),
      },
    });
  });

  it("keeps an earlier sending time and the customer's tenant id when known", () => {
    const result = recordRelationshipRequest(
      { customerName: "Northwind", primaryDomain: "northwind.com", customerTenantId: tenant.toUpperCase(), sentAt: new Date("2026-11-20T09:00:00Z") },
      admin,
      now,
    );
    expect(result.ok && result.value.facts).toMatchObject({ sentAt: new Date("2026-11-20T09:00:00Z"), customerTenantId: tenant });
  });

  it.each([viewer, approver])("refuses a $role", (actor) => {
    const result = recordRelationshipRequest({ customerName: "Northwind", primaryDomain: "northwind.com" }, actor, now);
    expect(!result.ok && result.refusal).toEqual({
      code: "not_permitted",
      facts: { role: actor.role, permission: "relationshipRequest.record", allowed: "admin_billing" },
    });
  });

  it("refuses a missing customer name, a bad domain and a sending time in the future", () => {
    const noName = recordRelationshipRequest({ customerName: " ", primaryDomain: "northwind.com" }, billing, now);
    expect(!noName.ok && noName.refusal.code).toBe("field_required");
    const badDomain = recordRelationshipRequest({ customerName: "Northwind", primaryDomain: "northwind" }, billing, now);
    expect(!badDomain.ok && badDomain.refusal.code).toBe("domain_invalid");
    const future = recordRelationshipRequest(
      { customerName: "Northwind", primaryDomain: "northwind.com", sentAt: new Date("2026-12-02T10:00:00Z") },
      billing,
      now,
    );
    expect(!future.ok && future.refusal.code).toBe("time_in_future");
  });
});

describe("a customer accepting", () => {
  it("marks the request accepted with the acceptance time and the tenant it came from", () => {
    const result = acceptRelationshipRequest(sentRequest, { customerTenantId: tenant, domains: [], acceptedAt: new Date("2026-11-28T15:00:00Z") }, now);
    if (!result.ok || result.value.outcome !== "accepted") throw new Error("not accepted");
    expect(result.value.record).toMatchObject({ state: "accepted", acceptedAt: new Date("2026-11-28T15:00:00Z"), customerTenantId: tenant, version: 1 });
    expect(result.value.audit).toMatchObject({ action: "relationshipRequest.accepted", before: { state: "sent" } });
  });

  it("is a replay when the same acceptance comes in again", () => {
    const accepted: RelationshipRequest = { ...sentRequest, state: "accepted", acceptedAt: new Date("2026-11-28T15:00:00Z"), customerTenantId: tenant };
    const again = acceptRelationshipRequest(accepted, { customerTenantId: tenant, domains: [], acceptedAt: new Date("2026-11-28T15:00:00Z") }, now);
    expect(again).toEqual({ ok: true, value: { outcome: "replay" } });
  });

  it("refuses another acceptance time for a request already accepted", () => {
    const accepted: RelationshipRequest = { ...sentRequest, state: "accepted", acceptedAt: new Date("2026-11-28T15:00:00Z") };
    const result = acceptRelationshipRequest(accepted, { domains: [], acceptedAt: new Date("2026-11-29T15:00:00Z") }, now);
    expect(!result.ok && result.refusal).toEqual({
      code: "acceptance_conflict",
      facts: { customerName: "Northwind Traders", at: new Date("2026-11-28T15:00:00Z"), received: new Date("2026-11-29T15:00:00Z") },
    });
  });

  it("records an acceptance of a withdrawn request: the vendor's portal says the relationship exists", () => {
    const withdrawn: RelationshipRequest = { ...sentRequest, state: "withdrawn", withdrawal: { at: now, byId: "u-bea", byName: "Bea Billing" } };
    const result = acceptRelationshipRequest(withdrawn, { domains: [], acceptedAt: new Date("2026-11-30T15:00:00Z") }, now);
    expect(result.ok && result.value.outcome).toBe("accepted");
  });

  it("refuses an acceptance before the request was sent, or in the future", () => {
    const early = acceptRelationshipRequest(sentRequest, { domains: [], acceptedAt: new Date("2026-11-22T09:30:00Z") }, now);
    expect(!early.ok && early.refusal.code).toBe("acceptance_before_sent");
    const future = acceptRelationshipRequest(sentRequest, { domains: [], acceptedAt: new Date("2026-12-01T11:00:00Z") }, now);
    expect(!future.ok && future.refusal.code).toBe("time_in_future");
  });

  it("refuses an acceptance from another tenant than the one the request was sent to", () => {
    const request = { ...sentRequest, customerTenantId: tenant };
    const result = acceptRelationshipRequest(request, { customerTenantId: "00000000-1111-4222-8333-444455556666", domains: [], acceptedAt: now }, now);
    expect(!result.ok && result.refusal).toEqual({
      code: "tenant_mismatch",
      facts: { customerName: "Northwind Traders", expected: tenant, received: "00000000-1111-4222-8333-444455556666" },
    });
  });

  it("finds the request an acceptance answers by tenant id, else by the customer's primary domain", () => {
    const byTenant = { ...sentRequest, id: "rr-2", customerTenantId: tenant, primaryDomain: "other.com" };
    const withdrawnOlder = { ...sentRequest, id: "rr-0", state: "withdrawn" as const, sentAt: new Date("2026-12-01T08:00:00Z") };
    const requests = [withdrawnOlder, sentRequest, byTenant];
    expect(requestForAcceptance(requests, { customerTenantId: tenant.toUpperCase(), domains: [] })?.id).toBe("rr-2");
    expect(requestForAcceptance(requests, { domains: ["NorthwindTraders.com"] })?.id).toBe("rr-1");
    expect(requestForAcceptance(requests, { domains: ["unknown.com"] })).toBeUndefined();
  });
});

describe("withdrawing a request", () => {
  it("lets its sender withdraw it, with an optional reason", () => {
    const result = withdrawRelationshipRequest(sentRequest, { reason: "Customer chose another partner" }, billing, now);
    expect(result.ok && result.value.record).toMatchObject({
      state: "withdrawn",
      version: 1,
      withdrawal: { at: now, byId: "u-bea", byName: "Bea Billing", reason: "Customer chose another partner" },
    });
  });

  it("lets an admin withdraw anyone's request", () => {
    expect(withdrawRelationshipRequest(sentRequest, {}, admin, now).ok).toBe(true);
  });

  it("refuses another billing user, naming the sender", () => {
    expect(withdrawRelationshipRequest(sentRequest, {}, otherBilling, now)).toEqual({
      ok: false,
      refusal: { code: "not_sender", facts: { senderName: "Bea Billing" } },
    });
  });

  it("refuses to withdraw an accepted or an already withdrawn request", () => {
    const accepted = { ...sentRequest, state: "accepted" as const, acceptedAt: new Date("2026-11-28T15:00:00Z") };
    expect(withdrawRelationshipRequest(accepted, {}, billing, now)).toEqual({
      ok: false,
      refusal: { code: "request_already_accepted", facts: { customerName: "Northwind Traders", at: new Date("2026-11-28T15:00:00Z") } },
    });
    const withdrawn = { ...sentRequest, state: "withdrawn" as const, withdrawal: { at: now, byId: "u-adam", byName: "Adam Admin" } };
    expect(withdrawRelationshipRequest(withdrawn, {}, billing, now)).toEqual({
      ok: false,
      refusal: { code: "request_withdrawn", facts: { customerName: "Northwind Traders", by: "Adam Admin", at: now } },
    });
  });

  it("refuses a reason longer than 500 characters", () => {
    const result = withdrawRelationshipRequest(sentRequest, { reason: "x".repeat(501) }, billing, now);
    expect(!result.ok && result.refusal.code).toBe("reason_too_long");
  });
});
