// Issue 16, "Data in": provider accounts arrive when a customer accepts the relationship, and the
// partner's customer records are imported to match them against. A provider account is
// idempotent by the provider's account id: the same facts again are a replay, other facts a conflict.
import { describe, expect, it } from "vitest";
import { importCustomerRecord } from "../../../../src/workflows/provider-accounts/domain/customer-records";
import {
  receiveProviderAccount,
  type TProviderAccountImport,
  ZProviderAccountImportSchema,
} from "../../../../src/workflows/provider-accounts/domain/provider-accounts";
import { contoso, unmapped } from "./fixtures";

const now = new Date("2026-12-01T10:00:00Z");
const row: TProviderAccountImport = ZProviderAccountImportSchema.parse({
  provider: " Microsoft Partner Center ",
  providerAccountId: "9f1c2d3e-0000-4000-8000-000000000001",
  name: "Contoso  Limited",
  domains: ["Contoso.com.", "contoso.onmicrosoft.com", "contoso.com"],
  customerTenantId: "{0B7F3E1A-2C4D-4E5F-8A9B-1C2D3E4F5A6B}",
  appearedAt: "2026-11-30T08:00:00Z",
});

describe("a provider account arriving", () => {
  it("appears unmapped with its facts normalised: domains lower-case and once, tenant id as a plain GUID", () => {
    const result = receiveProviderAccount(undefined, row, now);
    expect(result).toEqual({
      ok: true,
      value: {
        outcome: "appeared",
        facts: {
          provider: "Microsoft Partner Center",
          providerAccountId: "9f1c2d3e-0000-4000-8000-000000000001",
          name: "Contoso Limited",
          domains: ["contoso.com", "contoso.onmicrosoft.com"],
          customerTenantId: "0b7f3e1a-2c4d-4e5f-8a9b-1c2d3e4f5a6b",
          appearedAt: new Date("2026-11-30T08:00:00Z"),
        },
        audit: expect.objectContaining({ action: "providerAccount.appeared" }),
      },
    });
  });

  it("appears at the time it reaches us when the provider does not say", () => {
    const { appearedAt: _, ...undated } = row;
    const result = receiveProviderAccount(undefined, undated, now);
    expect(result.ok && result.value.outcome === "appeared" && result.value.facts.appearedAt).toEqual(now);
  });

  it("is a replay when received again with the same facts, written differently", () => {
    const again = { ...row, domains: ["contoso.onmicrosoft.com", "CONTOSO.COM"], appearedAt: new Date("2026-12-01T09:00:00Z") };
    expect(receiveProviderAccount(unmapped, again, now)).toEqual({ ok: true, value: { outcome: "replay" } });
  });

  it("is a replay for an account already mapped: arriving again changes nothing", () => {
    const mapped = { ...unmapped, state: "mapped" as const };
    expect(receiveProviderAccount(mapped, row, now)).toEqual({ ok: true, value: { outcome: "replay" } });
  });

  it("refuses other facts under the same provider account id, naming the fields that differ", () => {
    const other = { ...row, name: "Contoso Group", domains: ["contoso.net"] };
    expect(receiveProviderAccount(unmapped, other, now)).toEqual({
      ok: false,
      refusal: { code: "provider_account_conflict", facts: { providerAccountId: row.providerAccountId, fields: "name, domains" } },
    });
    const otherProvider = { ...row, provider: "TD SYNNEX" };
    const result = receiveProviderAccount(unmapped, otherProvider, now);
    expect(!result.ok && result.refusal.facts.fields).toBe("provider");
  });

  it("refuses an account without a provider or a name", () => {
    const noProvider = receiveProviderAccount(undefined, { ...row, provider: " " }, now);
    expect(!noProvider.ok && noProvider.refusal).toEqual({ code: "field_required", facts: { providerAccountId: row.providerAccountId, field: "provider" } });
    const noName = receiveProviderAccount(undefined, { ...row, name: "" }, now);
    expect(!noName.ok && noName.refusal.facts.field).toBe("name");
  });

  it("refuses a malformed domain or tenant id, quoting it", () => {
    const domain = receiveProviderAccount(undefined, { ...row, domains: ["contoso"] }, now);
    expect(!domain.ok && domain.refusal).toEqual({ code: "domain_invalid", facts: { providerAccountId: row.providerAccountId, domain: "contoso" } });
    const tenant = receiveProviderAccount(undefined, { ...row, customerTenantId: "not-a-guid" }, now);
    expect(!tenant.ok && tenant.refusal).toEqual({ code: "tenant_id_invalid", facts: { providerAccountId: row.providerAccountId, tenantId: "not-a-guid" } });
  });

  it("refuses an account said to appear more than five minutes from now, and takes one a minute ahead", () => {
    const far = receiveProviderAccount(undefined, { ...row, appearedAt: new Date("2026-12-01T10:06:00Z") }, now);
    expect(!far.ok && far.refusal.code).toBe("time_in_future");
    expect(receiveProviderAccount(undefined, { ...row, appearedAt: new Date("2026-12-01T10:01:00Z") }, now).ok).toBe(true);
  });

  it("accepts IDN domains and a provider account without tenant id (a distributor's)", () => {
    const result = receiveProviderAccount(
      undefined,
      { provider: "Ingram Micro", providerAccountId: "IM-4411", name: "Bäckerei Schäfer", domains: ["xn--bckerei-schfer-5nbb.de"] },
      now,
    );
    expect(result.ok && result.value.outcome === "appeared" && result.value.facts.customerTenantId).toBeUndefined();
  });
});

describe("importing the partner's customer records", () => {
  it("creates a record with its facts normalised", () => {
    const result = importCustomerRecord(undefined, { id: "CRM-1001", name: " Contoso Ltd ", domains: ["Contoso.com"] });
    expect(result).toEqual({
      ok: true,
      value: {
        outcome: "created",
        facts: { externalId: "CRM-1001", name: "Contoso Ltd", domains: ["contoso.com"] },
        audit: { action: "customerRecord.imported", after: { externalId: "CRM-1001", name: "Contoso Ltd", domains: ["contoso.com"] } },
      },
    });
  });

  it("leaves a record unchanged when imported again with the same facts", () => {
    expect(importCustomerRecord(contoso, { id: "CRM-1001", name: "Contoso Ltd", domains: ["CONTOSO.com"] })).toEqual({
      ok: true,
      value: { outcome: "unchanged" },
    });
  });

  it("updates a record whose facts changed in the partner's system, recording before and after", () => {
    const result = importCustomerRecord(contoso, {
      id: "CRM-1001",
      name: "Contoso Ltd",
      domains: ["contoso.com", "contoso.fr"],
      tenantId: "0b7f3e1a-2c4d-4e5f-8a9b-1c2d3e4f5a6b",
    });
    expect(result.ok && result.value.outcome === "updated" && result.value.audit).toEqual({
      action: "customerRecord.updated",
      before: { domains: ["contoso.com"], tenantId: undefined },
      after: { domains: ["contoso.com", "contoso.fr"], tenantId: "0b7f3e1a-2c4d-4e5f-8a9b-1c2d3e4f5a6b" },
    });
  });

  it("refuses a record with a bad domain, naming the record", () => {
    expect(importCustomerRecord(undefined, { id: "CRM-7", name: "Litware", domains: ["litware..com"] })).toEqual({
      ok: false,
      refusal: { code: "domain_invalid", facts: { customerRecordId: "CRM-7", domain: "litware..com" } },
    });
  });

  it("refuses a name longer than 200 characters", () => {
    const result = importCustomerRecord(undefined, { id: "CRM-8", name: "x".repeat(201), domains: [] });
    expect(!result.ok && result.refusal).toEqual({ code: "text_too_long", facts: { customerRecordId: "CRM-8", field: "name", max: 200 } });
  });
});
