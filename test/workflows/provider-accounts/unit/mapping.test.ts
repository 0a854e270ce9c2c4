// Issue 16: a provider account is mapped to exactly one customer record of the organisation by a
// billing user or an admin; only an admin remaps or unmaps it, with a reason. Each change is an
// audit entry and an event out naming the provider account and the customer record.
import { describe, expect, it } from "vitest";
import { MAPPING_REASON_MAX, mapProviderAccount, remapProviderAccount, unmapProviderAccount } from "../../../../src/workflows/provider-accounts/domain/mapping";
import { ZMappingEventSchema } from "../../../../src/workflows/provider-accounts/domain/mapping-events";
import { providerAccountPermissions } from "../../../../src/workflows/provider-accounts/domain/permissions";
import { admin, approver, billing, contoso, fabrikam, foreignCustomer, mappedToContoso, otherBilling, unmapped, viewer } from "./fixtures";

const now = new Date("2026-12-01T10:00:00Z");

describe("mapping an unmapped provider account", () => {
  it("maps it to the customer record, recording who and when, and bumps the version", () => {
    const result = mapProviderAccount(unmapped, { kind: "map", customer: contoso }, billing, now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.record).toMatchObject({
      state: "mapped",
      version: 1,
      mapping: { customerRecordId: "c-1", customerExternalId: "CRM-1001", customerName: "Contoso Ltd", at: now, byId: "u-bea", byName: "Bea Billing" },
    });
    expect(result.value.audit).toEqual({
      action: "provideraccount.mapped",
      before: { state: "unmapped" },
      after: { state: "mapped", customerRecordId: "c-1", customerName: "Contoso Ltd" },
    });
  });

  it("sends the billing system an event carrying the provider account and the customer record ids", () => {
    const result = mapProviderAccount(unmapped, { kind: "map", customer: contoso }, billing, now);
    if (!result.ok) throw new Error(result.refusal.code);
    const event = ZMappingEventSchema.parse(result.value.event);
    expect(event).toEqual({
      type: "provideraccount.mapped",
      organisationId: "org-1",
      at: "2026-12-01T10:00:00.000Z",
      providerAccount: {
        id: "pa-1",
        provider: "Microsoft Partner Center",
        providerAccountId: "9f1c2d3e-0000-4000-8000-000000000001",
        customerTenantId: "0b7f3e1a-2c4d-4e5f-8a9b-1c2d3e4f5a6b",
      },
      customer: { id: "c-1", externalId: "CRM-1001", name: "Contoso Ltd" },
      by: "Bea Billing",
    });
  });

  it("lets an admin map, as admins hold every permission", () => {
    expect(mapProviderAccount(unmapped, { kind: "map", customer: contoso }, admin, now).ok).toBe(true);
  });

  it.each([viewer, approver])("refuses a $role, who may only read", (actor) => {
    expect(mapProviderAccount(unmapped, { kind: "map", customer: contoso }, actor, now)).toEqual({
      ok: false,
      refusal: { code: "not_permitted", facts: { role: actor.role, permission: "providerAccount.map", allowed: "admin_billing" } },
    });
  });

  it("refuses a customer record of another organisation as one that does not exist", () => {
    expect(mapProviderAccount(unmapped, { kind: "map", customer: foreignCustomer }, billing, now)).toEqual({
      ok: false,
      refusal: { code: "customer_not_found", facts: { customerRecordId: "c-9" } },
    });
  });

  it("tells the second of two people mapping at once who mapped it to what, and when", () => {
    const first = mapProviderAccount(unmapped, { kind: "map", customer: contoso }, billing, now);
    if (!first.ok) throw new Error(first.refusal.code);
    const second = mapProviderAccount(first.value.record, { kind: "map", customer: fabrikam }, otherBilling, now);
    expect(second).toEqual({
      ok: false,
      refusal: { code: "already_mapped", facts: { customerName: "Contoso Ltd", customerRecordId: "c-1", by: "Bea Billing", at: now } },
    });
  });

  it("refuses to map again even to the same customer record: a mapping is changed only by remapping", () => {
    const result = mapProviderAccount(mappedToContoso, { kind: "map", customer: contoso }, admin, now);
    expect(!result.ok && result.refusal.code).toBe("already_mapped");
  });

  it("lets several provider accounts map to one customer record", () => {
    const second = { ...unmapped, id: "pa-2", provider: "TD SYNNEX", providerAccountId: "SYN-778" };
    expect(mapProviderAccount(second, { kind: "map", customer: contoso }, billing, now).ok).toBe(true);
  });
});

describe("remapping a mapped provider account", () => {
  it("lets an admin move it to another customer record with a reason, naming both in the event", () => {
    const result = remapProviderAccount(
      mappedToContoso,
      { kind: "remap", customer: fabrikam, reason: "  Wrong Contoso: this tenant is Fabrikam's " },
      admin,
      now,
    );
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.value.record).toMatchObject({
      state: "mapped",
      version: 2,
      mapping: { customerRecordId: "c-2", byName: "Adam Admin", at: now, reason: "Wrong Contoso: this tenant is Fabrikam's" },
    });
    expect(result.value.audit).toEqual({
      action: "provideraccount.remapped",
      reason: "Wrong Contoso: this tenant is Fabrikam's",
      before: { state: "mapped", customerRecordId: "c-1", customerName: "Contoso Ltd" },
      after: { state: "mapped", customerRecordId: "c-2", customerName: "Fabrikam Inc" },
    });
    expect(result.value.event).toMatchObject({
      type: "provideraccount.remapped",
      customer: { id: "c-2", externalId: "CRM-1002" },
      previousCustomer: { id: "c-1", externalId: "CRM-1001" },
      by: "Adam Admin",
      reason: "Wrong Contoso: this tenant is Fabrikam's",
    });
  });

  it("refuses a billing user: only an admin changes a mapping", () => {
    expect(remapProviderAccount(mappedToContoso, { kind: "remap", customer: fabrikam, reason: "typo" }, billing, now)).toEqual({
      ok: false,
      refusal: { code: "not_permitted", facts: { role: "billing", permission: "providerAccount.remap", allowed: "admin" } },
    });
  });

  it("refuses without a reason, or with only spaces", () => {
    for (const reason of [undefined, "   "]) {
      const result = remapProviderAccount(mappedToContoso, { kind: "remap", customer: fabrikam, ...(reason ? { reason } : {}) }, admin, now);
      expect(!result.ok && result.refusal.code).toBe("reason_required");
    }
  });

  it("refuses a reason longer than 500 characters", () => {
    const result = remapProviderAccount(mappedToContoso, { kind: "remap", customer: fabrikam, reason: "x".repeat(MAPPING_REASON_MAX + 1) }, admin, now);
    expect(result).toEqual({ ok: false, refusal: { code: "reason_too_long", facts: { max: 500 } } });
  });

  it("refuses to remap an account that is not mapped", () => {
    const result = remapProviderAccount(unmapped, { kind: "remap", customer: fabrikam, reason: "x" }, admin, now);
    expect(result).toEqual({ ok: false, refusal: { code: "not_mapped", facts: { providerAccountName: "Contoso Limited" } } });
  });

  it("refuses to remap to the customer record it is already mapped to", () => {
    const result = remapProviderAccount(mappedToContoso, { kind: "remap", customer: contoso, reason: "x" }, admin, now);
    expect(result).toEqual({ ok: false, refusal: { code: "same_customer", facts: { customerName: "Contoso Ltd" } } });
  });

  it("refuses a customer record of another organisation", () => {
    const result = remapProviderAccount(mappedToContoso, { kind: "remap", customer: foreignCustomer, reason: "x" }, admin, now);
    expect(!result.ok && result.refusal.code).toBe("customer_not_found");
  });
});

describe("unmapping a provider account", () => {
  it("lets an admin unmap it with a reason: it is unmapped again and the billing system is told", () => {
    const result = unmapProviderAccount(mappedToContoso, { kind: "unmap", reason: "Customer record merged" }, admin, now);
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.value.record.state).toBe("unmapped");
    expect(result.value.record.mapping).toBeUndefined();
    expect(result.value.record.version).toBe(2);
    expect(result.value.audit).toEqual({
      action: "provideraccount.unmapped",
      reason: "Customer record merged",
      before: { state: "mapped", customerRecordId: "c-1", customerName: "Contoso Ltd" },
      after: { state: "unmapped" },
    });
    const event = ZMappingEventSchema.parse(result.value.event);
    expect(event.customer).toBeUndefined();
    expect(event).toMatchObject({ type: "provideraccount.unmapped", previousCustomer: { id: "c-1" }, by: "Adam Admin", reason: "Customer record merged" });
  });

  it("refuses a billing user, a reasonless unmapping and an account that is not mapped", () => {
    expect(unmapProviderAccount(mappedToContoso, { kind: "unmap", reason: "x" }, billing, now).ok).toBe(false);
    const reasonless = unmapProviderAccount(mappedToContoso, { kind: "unmap" }, admin, now);
    expect(!reasonless.ok && reasonless.refusal.code).toBe("reason_required");
    const notMapped = unmapProviderAccount(unmapped, { kind: "unmap", reason: "x" }, admin, now);
    expect(!notMapped.ok && notMapped.refusal.code).toBe("not_mapped");
  });

  it("lets an unmapped-again account be mapped anew by a billing user", () => {
    const unmappedAgain = unmapProviderAccount(mappedToContoso, { kind: "unmap", reason: "merge" }, admin, now);
    if (!unmappedAgain.ok) throw new Error(unmappedAgain.refusal.code);
    const result = mapProviderAccount(unmappedAgain.value.record, { kind: "map", customer: fabrikam }, billing, now);
    expect(result.ok && result.value.record.version).toBe(3);
  });
});

describe("who may do what", () => {
  it("lets everyone read, billing users and admins map, and admins alone remap", () => {
    const table = (["admin", "approver", "billing", "viewer"] as const).map((role) => [
      role,
      providerAccountPermissions.can(role, "providerAccount.view"),
      providerAccountPermissions.can(role, "providerAccount.map"),
      providerAccountPermissions.can(role, "providerAccount.remap"),
      providerAccountPermissions.can(role, "relationshipRequest.record"),
    ]);
    expect(table).toEqual([
      ["admin", true, true, true, true],
      ["approver", true, false, false, false],
      ["billing", true, true, false, true],
      ["viewer", true, false, false, false],
    ]);
  });

  it("names the roles who hear of a new provider account: admins and billing users", () => {
    expect(providerAccountPermissions.rolesWith("providerAccount.map")).toEqual(["admin", "billing"]);
  });
});
