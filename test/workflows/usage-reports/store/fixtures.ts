// Accounts and reports in a real database, as the platform's import would bring them.
import type { Db } from "../../../../src/platform/store/db";
import type { MspAccount } from "../../../../src/workflows/usage-reports/domain/accounts";
import type { TPlatformReport } from "../../../../src/workflows/usage-reports/domain/platform-reports";
import type { UsageReport } from "../../../../src/workflows/usage-reports/domain/report";
import { receivePlatformReportIn } from "../../../../src/workflows/usage-reports/store/commands";
import { upsertAccount } from "../../../../src/workflows/usage-reports/store/reports";

let accounts = 0;

export async function mspAccount(db: Db, organisationId: string, overrides: Partial<MspAccount> = {}): Promise<MspAccount> {
  accounts += 1;
  return upsertAccount(db, organisationId, {
    platformAccountId: `LMP-${accounts}-${Math.random().toString(36).slice(2, 8)}`,
    name: `Contoso MSP ${accounts}`,
    distributorName: "Northwind Distribution",
    autoSubmitDelayDays: 4,
    usageReporting: true,
    ...overrides,
  });
}

/** Lines `count` long: every tenth one with more provisioned than chargeable (billable set below). */
export function platformLines(count: number): TPlatformReport["lines"] {
  return Array.from({ length: count }, (_, i) => ({
    lineId: `L${String(i + 1).padStart(4, "0")}`,
    product: `Product ${String(i + 1).padStart(4, "0")}`,
    unit: i % 3 === 0 ? "GB-months" : "license seats",
    provisionedUnits: String(10 + (i % 7)),
    ...(i % 10 === 0 ? { billableUnits: String(8 + (i % 7)) } : {}),
  }));
}

export async function openReport(
  db: Db,
  account: MspAccount,
  input: { cycle?: string; openedAt: Date; lines?: TPlatformReport["lines"]; platformReportId?: string; timeZone?: string; now?: Date },
): Promise<UsageReport> {
  const cycle = input.cycle ?? "2026-11";
  const outcome = await db.$transaction((tx) =>
    receivePlatformReportIn(
      tx,
      account,
      {
        platformReportId: input.platformReportId ?? `R-${account.platformAccountId}-${cycle}`,
        platformAccountId: account.platformAccountId,
        cycle,
        openedAt: input.openedAt,
        lines: input.lines ?? platformLines(3),
      },
      { timeZone: input.timeZone ?? "Europe/Paris", now: input.now ?? input.openedAt },
    ),
  );
  if (typeof outcome === "symbol" || outcome.kind !== "changed") throw new Error(`report not opened: ${JSON.stringify(outcome)}`);
  return outcome.report;
}
