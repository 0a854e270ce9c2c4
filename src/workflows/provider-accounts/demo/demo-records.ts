// Demo data for the provider-accounts workflow, relative to the day it is seeded: a dozen customer
// records, three unmapped provider accounts (one sharing a domain with a record, one with only a
// similar name, one like no record) and one relationship request sent eight days ago, not accepted.
import type { TCustomerRecordImport } from "../domain/customer-records";
import type { TProviderAccountImport } from "../domain/provider-accounts";
import type { TRelationshipRequest } from "../domain/relationship-requests";

const HOUR_MS = 3_600_000;

export const DEMO_CUSTOMER_RECORDS: TCustomerRecordImport[] = [
  { id: "CRM-1001", name: "Contoso Ltd", domains: ["contoso.com"] },
  { id: "CRM-1002", name: "Fabrikam Inc", domains: ["fabrikam.com"] },
  { id: "CRM-1003", name: "Northwind Traders", domains: ["northwindtraders.com"] },
  { id: "CRM-1004", name: "Woodgrove Bank", domains: ["woodgrovebank.com"] },
  { id: "CRM-1005", name: "Tailspin Toys", domains: ["tailspintoys.com"] },
  { id: "CRM-1006", name: "Société Générale Assurances", domains: ["sogeassur.fr"] },
  { id: "CRM-1007", name: "Transports Dubois & Fils SAS", domains: ["transports-dubois.fr"] },
  { id: "CRM-1008", name: "Müller Logistik GmbH & Co. KG", domains: ["mueller-logistik.de"] },
  { id: "CRM-1009", name: "PT Bank Mandiri (Persero) Tbk", domains: ["bankmandiri.co.id"] },
  { id: "CRM-1010", name: "PT Sinar Jaya Abadi", domains: ["sinarjaya.co.id"] },
  { id: "CRM-1011", name: "CV Maju Bersama", domains: [] },
  { id: "CRM-1012", name: "Coho Winery", domains: ["cohowinery.com"] },
];

export function demoProviderAccounts(now: Date): TProviderAccountImport[] {
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * HOUR_MS);
  return [
    {
      provider: "Microsoft Partner Center",
      providerAccountId: "3f2a9c1e-7b4d-4c8a-9e21-5d6f7a8b9c01",
      name: "Contoso Pharma EMEA",
      domains: ["contoso.com", "contosopharma.onmicrosoft.com"],
      customerTenantId: "7c1e4b2a-9d3f-4e6a-8b5c-2a1d3e4f5b6c",
      appearedAt: hoursAgo(2),
    },
    {
      provider: "TD SYNNEX",
      providerAccountId: "SYN-204811",
      name: "Muller Logistik",
      domains: ["muller-logistics.com"],
      appearedAt: hoursAgo(30),
    },
    {
      provider: "Microsoft Partner Center",
      providerAccountId: "8e5d2c3b-1a4f-4b7e-9c6d-0f1e2a3b4c5d",
      name: "Zebra Quantum Dynamics",
      domains: ["zebraquantum.io"],
      customerTenantId: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
      appearedAt: hoursAgo(80),
    },
  ];
}

export function demoRelationshipRequest(now: Date): TRelationshipRequest {
  return {
    customerName: "Alpine Ski House",
    primaryDomain: "alpineskihouse.com",
    sentAt: new Date(now.getTime() - 8 * 24 * HOUR_MS),
  };
}
