// Discrepancies between what the platform counted and what the MSP declares. A line whose
// billable units differ from its provisioned units must carry a comment before submission;
// provisioned above billable is the case shown in red and counted as a penalty risk. Left
// uncommented at the automatic submission, a discrepancy is charged on the larger count.
import type { DiscrepancyKind, Penalty, UsageReportLine } from "./report";
import { compareUnits, largerUnits, sumUnits } from "./units";

type LineUnits = Pick<UsageReportLine, "provisionedUnits" | "billableUnits">;

export function discrepancyOf(line: LineUnits): DiscrepancyKind | undefined {
  const order = compareUnits(line.provisionedUnits, line.billableUnits);
  if (order === 0) return undefined;
  return order > 0 ? "over_provisioned" : "under_provisioned";
}

/** Shown in red with a warning sign: more provisioned than declared, the case the platform charges. */
export function isPenaltyRisk(line: LineUnits): boolean {
  return discrepancyOf(line) === "over_provisioned";
}

export function needsComment(line: LineUnits & Pick<UsageReportLine, "comment">): boolean {
  return discrepancyOf(line) !== undefined && !line.comment;
}

export function uncommentedDiscrepancies<L extends LineUnits & Pick<UsageReportLine, "comment">>(lines: readonly L[]): L[] {
  return lines.filter(needsComment);
}

/** What the platform charges for the discrepancies left uncommented at automatic submission. */
export function penaltiesOf(lines: readonly UsageReportLine[]): Penalty[] {
  return uncommentedDiscrepancies(lines).map((line) => ({
    lineId: line.id,
    product: line.product,
    unit: line.unit,
    provisionedUnits: line.provisionedUnits,
    billableUnits: line.billableUnits,
    chargedUnits: largerUnits(line.provisionedUnits, line.billableUnits),
    kind: discrepancyOf(line) as Penalty["kind"],
  }));
}

export interface UnitTotal {
  unit: string;
  provisionedUnits: string;
  billableUnits: string;
}

export interface ReportTotals {
  lines: number;
  discrepancies: number;
  uncommented: number;
  overProvisioned: number;
  /** Units are only added up within one kind of unit: seats and GB-months do not sum. */
  byUnit: UnitTotal[];
}

export function reportTotals(lines: readonly UsageReportLine[]): ReportTotals {
  const byUnit = new Map<string, UsageReportLine[]>();
  for (const line of lines) byUnit.set(line.unit, [...(byUnit.get(line.unit) ?? []), line]);
  return {
    lines: lines.length,
    discrepancies: lines.filter((line) => discrepancyOf(line) !== undefined).length,
    uncommented: uncommentedDiscrepancies(lines).length,
    overProvisioned: lines.filter(isPenaltyRisk).length,
    byUnit: [...byUnit.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([unit, group]) => ({
        unit,
        provisionedUnits: sumUnits(group.map((line) => line.provisionedUnits)),
        billableUnits: sumUnits(group.map((line) => line.billableUnits)),
      })),
  };
}

// Lower ranks come first: what costs money if left alone, then what still needs words, then the rest.
function attentionRank(line: UsageReportLine): number {
  const kind = discrepancyOf(line);
  if (kind && !line.comment) return kind === "over_provisioned" ? 0 : 1;
  return kind ? 2 : 3;
}

/** Lines needing attention first (uncommented over-provisioning, then other uncommented discrepancies), then by product. */
export function linesByAttention(lines: readonly UsageReportLine[]): UsageReportLine[] {
  return [...lines].sort((a, b) => attentionRank(a) - attentionRank(b) || a.product.localeCompare(b.product) || a.id.localeCompare(b.id));
}

export interface LinePage {
  lines: UsageReportLine[];
  /** 1-based, clamped to the pages that exist. */
  page: number;
  pages: number;
}

/** One page of lines in attention order: a report of hundreds of lines never fits one card. */
export function pageOfLines(lines: readonly UsageReportLine[], page: number, pageSize: number): LinePage {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`page size must be a positive integer, not ${pageSize}`);
  const ordered = linesByAttention(lines);
  const pages = Math.max(1, Math.ceil(ordered.length / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return { lines: ordered.slice((current - 1) * pageSize, current * pageSize), page: current, pages };
}
