// The reporting platform's reports and lines, from the import or the inbound route, idempotent
// by the platform's report id: the same facts again are a replay; new counts update a report
// still in preparation; the same id for another account, cycle or opening is a conflict. The
// MSP's own work survives an update: billable units they set and their comments stay.
import { z } from "zod";
import { checkNotInFuture } from "../../../platform/domain/reported-time";
import { accept } from "../../../platform/domain/result";
import { type MspAccount, checkReportingAvailable } from "./accounts";
import { autoSubmissionTime } from "./auto-submission";
import { byId } from "./line-edits";
import { type UsageReportResult, refuseReport } from "./refusals";
import { type UsageReport, type UsageReportChange, type UsageReportLine, type UsageReportReplay, isCycle } from "./report";
import { compareUnits, parseUnits, UNITS_MAX_DECIMALS } from "./units";

/** Who history names for changes the platform made. */
export const PLATFORM_ACTOR = { userId: "platform", name: "Licensing platform" } as const;

const ZUnitsSchema = z.union([z.string().max(100), z.number()]);

export const ZPlatformLineSchema = z.object({
  lineId: z.string().trim().min(1).max(200),
  product: z.string().trim().min(1).max(300),
  unit: z.string().trim().min(1).max(100),
  provisionedUnits: ZUnitsSchema,
  /** The platform's chargeable units; when it sends none, the provisioned ones. */
  billableUnits: ZUnitsSchema.optional(),
});

export const ZPlatformReportSchema = z.object({
  platformReportId: z.string().trim().min(1).max(200),
  platformAccountId: z.string().trim().min(1).max(100),
  cycle: z.string().trim(),
  openedAt: z.iso.datetime({ offset: true }).transform((text) => new Date(text)),
  lines: z.array(ZPlatformLineSchema).max(5000),
});
export type TPlatformReport = z.infer<typeof ZPlatformReportSchema>;

type PlatformLine = Pick<UsageReportLine, "id" | "product" | "unit" | "provisionedUnits" | "platformBillableUnits">;

/** Creates the report, or updates its provisioned lines while it is in preparation. */
export function receivePlatformReport(
  existing: UsageReport | undefined,
  input: TPlatformReport,
  account: MspAccount,
  context: { id: string; now: Date; timeZone: string },
): UsageReportResult<UsageReportChange | UsageReportReplay> {
  if (input.platformAccountId !== account.platformAccountId) return refuseReport("not_found");
  const available = checkReportingAvailable(account);
  if (!available.ok) return available;
  if (!isCycle(input.cycle)) return refuseReport("cycle_invalid", { cycle: input.cycle.slice(0, 20) });
  const timely = checkNotInFuture("openedAt", input.openedAt, context.now);
  if (!timely.ok) return refuseReport("timestamp_in_future", timely.refusal.facts);
  const lines = platformLines(input.lines);
  if (!lines.ok) return lines;
  if (!existing) return accept(opened(input, account, lines.value, context));
  const field = conflictingField(existing, input, account);
  if (field) return refuseReport("report_facts_conflict", { platformReportId: input.platformReportId, field });
  if (sameLines(existing.lines, lines.value)) return accept({ record: existing, audit: undefined });
  if (existing.state !== "in_preparation")
    return refuseReport("report_not_in_preparation", { platformReportId: input.platformReportId, state: existing.state });
  return accept(updated(existing, lines.value, context.now));
}

/** What identifies a report besides its id: another value under the same id is another report. */
function conflictingField(existing: UsageReport, input: TPlatformReport, account: MspAccount): "account" | "cycle" | "openedAt" | undefined {
  if (existing.accountId !== account.id) return "account";
  if (existing.cycle !== input.cycle) return "cycle";
  return existing.openedAt.getTime() !== input.openedAt.getTime() ? "openedAt" : undefined;
}

function platformLines(input: TPlatformReport["lines"]): UsageReportResult<PlatformLine[]> {
  const lines: PlatformLine[] = [];
  for (const line of input) {
    if (lines.some((seen) => seen.id === line.lineId)) return refuseReport("line_duplicated", { lineId: line.lineId, product: line.product });
    const provisioned = parseUnits(line.provisionedUnits);
    if (!provisioned.ok) return refuseReport("units_invalid", { product: line.product, rule: provisioned.rule, maxDecimals: UNITS_MAX_DECIMALS });
    const billable = line.billableUnits === undefined ? provisioned : parseUnits(line.billableUnits);
    if (!billable.ok) return refuseReport("units_invalid", { product: line.product, rule: billable.rule, maxDecimals: UNITS_MAX_DECIMALS });
    lines.push({ id: line.lineId, product: line.product, unit: line.unit, provisionedUnits: provisioned.value, platformBillableUnits: billable.value });
  }
  return accept(lines);
}

function opened(input: TPlatformReport, account: MspAccount, lines: PlatformLine[], context: { id: string; timeZone: string }): UsageReportChange {
  const record: UsageReport = {
    id: context.id,
    organisationId: account.organisationId,
    accountId: account.id,
    platformReportId: input.platformReportId,
    cycle: input.cycle,
    openedAt: input.openedAt,
    autoSubmitAt: autoSubmissionTime(input.openedAt, account.autoSubmitDelayDays, context.timeZone).at,
    state: "in_preparation",
    version: 0,
    lines: lines.map((line) => ({ ...line, billableUnits: line.platformBillableUnits, billableSetByMsp: false, changedInVersion: 0 })),
    decisions: [],
  };
  const after = { cycle: record.cycle, openedAt: record.openedAt.toISOString(), autoSubmitAt: record.autoSubmitAt.toISOString(), lines: lines.length };
  return { record, audit: { action: "opened", after } };
}

function updated(existing: UsageReport, incoming: PlatformLine[], now: Date): UsageReportChange {
  const version = existing.version + 1;
  const current = new Map(existing.lines.map((line) => [line.id, line]));
  const before = byId<PlatformLine | undefined>();
  const after = byId<PlatformLine>();
  const lines = incoming.map((line): UsageReportLine => {
    const known = current.get(line.id);
    if (known && samePlatformLine(known, line)) return known;
    before[line.id] = known && platformFacts(known);
    after[line.id] = line;
    const billableUnits = known?.billableSetByMsp ? known.billableUnits : line.platformBillableUnits;
    return {
      ...known,
      ...line,
      billableUnits,
      billableSetByMsp: known?.billableSetByMsp ?? false,
      changedInVersion: version,
      changedBy: { ...PLATFORM_ACTOR, at: now },
    };
  });
  const removed = existing.lines.filter((line) => !incoming.some((next) => next.id === line.id)).map((line) => line.id);
  for (const lineId of removed) before[lineId] = platformFacts(current.get(lineId) as UsageReportLine);
  return {
    record: { ...existing, lines, version, lastChange: { ...PLATFORM_ACTOR, at: now } },
    audit: { action: "platform_updated", before: { lines: before }, after: { lines: after, removed } },
  };
}

function platformFacts(line: UsageReportLine): PlatformLine {
  return { id: line.id, product: line.product, unit: line.unit, provisionedUnits: line.provisionedUnits, platformBillableUnits: line.platformBillableUnits };
}

function samePlatformLine(known: UsageReportLine, line: PlatformLine): boolean {
  return (
    known.product === line.product &&
    known.unit === line.unit &&
    compareUnits(known.provisionedUnits, line.provisionedUnits) === 0 &&
    compareUnits(known.platformBillableUnits, line.platformBillableUnits) === 0
  );
}

function sameLines(known: readonly UsageReportLine[], incoming: readonly PlatformLine[]): boolean {
  const byId = new Map(known.map((line) => [line.id, line]));
  return (
    known.length === incoming.length &&
    incoming.every((line) => {
      const match = byId.get(line.id);
      return match !== undefined && samePlatformLine(match, line);
    })
  );
}
