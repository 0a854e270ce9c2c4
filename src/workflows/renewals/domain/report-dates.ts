// Dates in the vendor's report: ISO ("2027-03-31"), day and month name in English or Indonesian
// ("31-Mar-2027", "31 Mei 2027"), or numeric with slashes or dots, whose order ("03/04/2027")
// the file itself settles: a first part above 12 proves day-first, a second above 12 proves
// month-first; a file proving both is refused, and a file proving neither follows its language
// (Indonesian day-first, English month-first).
import { calendarDate, type CalendarDate } from "./calendar-dates";
import type { NumberStyle } from "./amounts";

export type DateOrder = "day-first" | "month-first";

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  januari: 1,
  feb: 2,
  february: 2,
  februari: 2,
  peb: 2,
  mar: 3,
  march: 3,
  maret: 3,
  apr: 4,
  april: 4,
  may: 5,
  mei: 5,
  jun: 6,
  june: 6,
  juni: 6,
  jul: 7,
  july: 7,
  juli: 7,
  aug: 8,
  august: 8,
  agu: 8,
  agt: 8,
  ags: 8,
  agustus: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  okt: 10,
  oktober: 10,
  nov: 11,
  november: 11,
  nop: 11,
  dec: 12,
  december: 12,
  des: 12,
  desember: 12,
};

const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const NAMED = /^(\d{1,2})[\s-]([A-Za-z]+)\.?[\s-](\d{4})$/;
const NUMERIC = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;

export type OrderEvidence = { ok: true; order: DateOrder } | { ok: false; index: number };

/** Settles the order of numeric dates from all of a file's date cells; `index` names the cell that contradicts. */
export function dateOrderOf(values: readonly string[], style: NumberStyle): OrderEvidence {
  let proven: DateOrder | undefined;
  for (const [index, value] of values.entries()) {
    const match = NUMERIC.exec(value.trim());
    if (!match) continue;
    const first = Number(match[1]);
    const second = Number(match[2]);
    const shows: DateOrder | undefined = first > 12 && second <= 12 ? "day-first" : second > 12 && first <= 12 ? "month-first" : undefined;
    if (!shows) continue;
    if (proven && proven !== shows) return { ok: false, index };
    proven = shows;
  }
  return { ok: true, order: proven ?? (style === "id" ? "day-first" : "month-first") };
}

/** "either" when the file's order is in conflict (refused on its own): a date valid one way is not also named bad. */
export function parseReportDate(input: string, order: DateOrder | "either"): CalendarDate | undefined {
  const text = input.trim();
  const iso = ISO.exec(text);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const named = NAMED.exec(text);
  if (named) {
    const month = MONTHS[(named[2] ?? "").toLowerCase()];
    return month === undefined ? undefined : calendarDate(Number(named[3]), month, Number(named[1]));
  }
  const numeric = NUMERIC.exec(text);
  if (!numeric) return undefined;
  const [first, second, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
  const dayFirst = calendarDate(year, second, first);
  const monthFirst = calendarDate(year, first, second);
  if (order === "either") return dayFirst ?? monthFirst;
  return order === "day-first" ? dayFirst : monthFirst;
}
