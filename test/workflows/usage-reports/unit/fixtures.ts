// Reports, lines, accounts and people for the usage-report rules, with fixed dates.
import type { Role } from "../../../../src/platform/domain/roles";
import type { MspAccount } from "../../../../src/workflows/usage-reports/domain/accounts";
import type { UsageReport, UsageReportActor, UsageReportLine } from "../../../../src/workflows/usage-reports/domain/report";

export const ana: UsageReportActor = { userId: "aad-ana", name: "Ana", role: "billing" };
export const budi: UsageReportActor = { userId: "aad-budi", name: "Budi", role: "billing" };
export const person = (role: Role, name = "Chloé"): UsageReportActor => ({ userId: `aad-${name.toLowerCase()}`, name, role });

export const account: MspAccount = {
  id: "acct-1",
  organisationId: "org-1",
  platformAccountId: "LMP-77",
  name: "Contoso MSP",
  distributorName: "Northwind Distribution",
  autoSubmitDelayDays: 4,
  usageReporting: true,
};

export function line(id: string, provisioned: string, billable = provisioned, overrides: Partial<UsageReportLine> = {}): UsageReportLine {
  return {
    id,
    product: `Product ${id}`,
    unit: "license seats",
    provisionedUnits: provisioned,
    platformBillableUnits: provisioned,
    billableUnits: billable,
    billableSetByMsp: billable !== provisioned,
    changedInVersion: 0,
    ...overrides,
  };
}

export const opened = new Date("2026-11-30T23:30:00Z"); // 1 December, 00:30 in Paris
/** Opened on 1 December in Paris with the account's 4 days: editable through 5 December. */
export const autoSubmitAt = new Date("2026-12-05T23:00:00Z");

export function report(overrides: Partial<UsageReport> = {}): UsageReport {
  return {
    id: "rep-1",
    organisationId: "org-1",
    accountId: "acct-1",
    platformReportId: "LMP-R-2026-11",
    cycle: "2026-11",
    openedAt: opened,
    autoSubmitAt: autoSubmitAt,
    state: "in_preparation",
    version: 3,
    lines: [line("seats", "10"), line("gb", "120.5"), line("edr", "40")],
    decisions: [],
    ...overrides,
  };
}

/** The value of an accepted result, or the test fails with the refusal's code. */
export function accepted<T>(result: { ok: true; value: T } | { ok: false; refusal: { code: string } }): T {
  if (!result.ok) throw new Error(`refused: ${result.refusal.code}`);
  return result.value;
}

export function refusal(result: { ok: true } | { ok: false; refusal: { code: string; facts: object } }): { code: string; facts: object } | undefined {
  return result.ok ? undefined : result.refusal;
}
