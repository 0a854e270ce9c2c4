// Renewal line items as the tests meet them: agreement 2024-AG-7731 of Contoso, ending on
// 31 March 2027 in an organisation working in Jakarta.
import type { RenewalLineItem } from "../../../../src/workflows/renewals/domain/line-items";
import type { Actor } from "../../../../src/workflows/renewals/domain/permissions";

export const zone = "Asia/Jakarta";

export const bea: Actor = { userId: "aad-bea", name: "Bea", role: "billing" };
export const ari: Actor = { userId: "aad-ari", name: "Ari", role: "approver" };
export const vic: Actor = { userId: "aad-vic", name: "Vic", role: "viewer" };
export const ada: Actor = { userId: "aad-ada", name: "Ada", role: "admin" };

export function lineItem(overrides: Partial<RenewalLineItem> = {}): RenewalLineItem {
  return {
    id: "ri-1",
    organisationId: "org-1",
    agreementNumber: "2024-AG-7731",
    lineItem: "001",
    siteNumber: "1234567",
    siteName: "Contoso Jakarta",
    customerName: "Contoso",
    description: "IBM Db2 Standard Edition",
    endDate: "2027-03-31",
    amount: "12500.00",
    currency: "USD",
    state: "open",
    version: 0,
    ...overrides,
  };
}

export function codeOf(result: { ok: true } | { ok: false; refusal: { code: string } }): string {
  return result.ok ? "accepted" : result.refusal.code;
}
