// Shared people and records for the provider-account rules' tests; dates are fixed.
import type { CustomerRecord } from "../../../../src/workflows/provider-accounts/domain/customer-records";
import type { WorkflowActor } from "../../../../src/workflows/provider-accounts/domain/permissions";
import type { ProviderAccount } from "../../../../src/workflows/provider-accounts/domain/provider-accounts";
import type { RelationshipRequest } from "../../../../src/workflows/provider-accounts/domain/relationship-requests";

export const admin: WorkflowActor = { userId: "u-adam", name: "Adam Admin", role: "admin" };
export const billing: WorkflowActor = { userId: "u-bea", name: "Bea Billing", role: "billing" };
export const otherBilling: WorkflowActor = { userId: "u-bob", name: "Bob Billing", role: "billing" };
export const approver: WorkflowActor = { userId: "u-ana", name: "Ana Approver", role: "approver" };
export const viewer: WorkflowActor = { userId: "u-vic", name: "Vic Viewer", role: "viewer" };

export const contoso: CustomerRecord = {
  id: "c-1",
  organisationId: "org-1",
  externalId: "CRM-1001",
  name: "Contoso Ltd",
  domains: ["contoso.com"],
};
export const fabrikam: CustomerRecord = {
  id: "c-2",
  organisationId: "org-1",
  externalId: "CRM-1002",
  name: "Fabrikam Inc",
  domains: ["fabrikam.com"],
};
export const foreignCustomer: CustomerRecord = { ...fabrikam, id: "c-9", organisationId: "org-2" };

export const unmapped: ProviderAccount = {
  id: "pa-1",
  organisationId: "org-1",
  provider: "Microsoft Partner Center",
  providerAccountId: "9f1c2d3e-0000-4000-8000-000000000001",
  name: "Contoso Limited",
  domains: ["contoso.com", "contoso.onmicrosoft.com"],
  customerTenantId: "0b7f3e1a-2c4d-4e5f-8a9b-1c2d3e4f5a6b",
  appearedAt: new Date("2026-11-30T08:00:00Z"),
  state: "unmapped",
  version: 0,
};

export const mappedToContoso: ProviderAccount = {
  ...unmapped,
  state: "mapped",
  version: 1,
  mapping: {
    customerRecordId: contoso.id,
    customerExternalId: contoso.externalId,
    customerName: contoso.name,
    at: new Date("2026-11-30T09:00:00Z"),
    byId: billing.userId,
    byName: billing.name,
  },
};

export const sentRequest: RelationshipRequest = {
  id: "rr-1",
  organisationId: "org-1",
  customerName: "Northwind Traders",
  primaryDomain: "northwindtraders.com",
  sentById: billing.userId,
  sentByName: billing.name,
  sentAt: new Date("2026-11-23T09:30:00Z"),
  state: "sent",
  version: 0,
};
