// Report lists filter to the last 12 months (the default) or to one year, as the platform's own
// list does. Months are cycles in the organisation's zone; "the last 12 months" is the current
// cycle and the eleven before it.
import { accept } from "../../../platform/domain/result";
import { localDay } from "./calendar";
import { type UsageReportResult, refuseReport } from "./refusals";

export type ReportPeriod = { kind: "last12Months" } | { kind: "year"; year: number };

export const DEFAULT_REPORT_PERIOD: ReportPeriod = { kind: "last12Months" };

/** The first year the platform's reports can belong to; later years up to the current one. */
export const FIRST_REPORT_YEAR = 2000;

/** Inclusive, as cycles "YYYY-MM" (which compare as text). */
export interface CycleRange {
  from: string;
  to: string;
}

export function cycleRange(period: ReportPeriod, timeZone: string, now: Date): UsageReportResult<CycleRange> {
  const today = localDay(now, timeZone);
  if (period.kind === "year") {
    if (!Number.isInteger(period.year) || period.year < FIRST_REPORT_YEAR || period.year > today.year) {
      return refuseReport("year_invalid", { year: String(period.year), first: String(FIRST_REPORT_YEAR), last: String(today.year) });
    }
    return accept({ from: `${period.year}-01`, to: `${period.year}-12` });
  }
  const current = today.year * 12 + today.month - 1;
  return accept({ from: cycleOf(current - 11), to: cycleOf(current) });
}

export function inRange(cycle: string, range: CycleRange): boolean {
  return range.from <= cycle && cycle <= range.to;
}

function cycleOf(monthIndex: number): string {
  return `${String(Math.floor(monthIndex / 12)).padStart(4, "0")}-${String((monthIndex % 12) + 1).padStart(2, "0")}`;
}
