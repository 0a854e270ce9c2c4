import { describe, expect, it } from "vitest";
import { resolveMonthName, resolveRelativeMonth, zonedYearMonth } from "../../../src/platform/conversation/month-resolution";
import { extract } from "./support";

describe("which year a month means", () => {
  const january = new Date("2027-01-15T10:00:00Z");
  const december = new Date("2026-12-15T10:00:00Z");

  it("reads 'December' asked in January as last December", () => {
    expect(resolveMonthName({ month: 12 }, january, "UTC")).toEqual({ year: 2026, month: 12 });
    expect(extract("billing window for december", "en", january).entities.month).toEqual({ year: 2026, month: 12 });
  });

  it("reads the current month's name as this month, not last year's", () => {
    expect(resolveMonthName({ month: 1 }, january, "UTC")).toEqual({ year: 2027, month: 1 });
  });

  it("reads 'next month' asked in December as January of the next year", () => {
    expect(resolveRelativeMonth(1, december, "UTC")).toEqual({ year: 2027, month: 1 });
    expect(extract("facturation le mois prochain", "fr", december).entities.month).toEqual({ year: 2027, month: 1 });
  });

  it("reads 'last month' asked in January as December of the year before", () => {
    expect(extract("penagihan bulan lalu", "id", january).entities.month).toEqual({ year: 2026, month: 12 });
  });

  it("looks ahead only when the phrase says next", () => {
    expect(extract("billing window next october", "en", december).entities.month).toEqual({ year: 2027, month: 10 });
    expect(extract("fenêtre de facturation octobre prochain", "fr", january).entities.month).toEqual({ year: 2027, month: 10 });
    expect(extract("jendela penagihan maret depan", "id", january).entities.month).toEqual({ year: 2027, month: 3 });
  });

  it("reads 'last <month>' named in that same month as a year ago", () => {
    expect(resolveMonthName({ month: 1, modifier: "previous" }, january, "UTC")).toEqual({ year: 2026, month: 1 });
  });

  it("counts months in the organisation's time zone, where the new year may already have begun", () => {
    const newYearsEveInUtc = new Date("2026-12-31T20:00:00Z");
    expect(zonedYearMonth(newYearsEveInUtc, "UTC")).toEqual({ year: 2026, month: 12 });
    expect(zonedYearMonth(newYearsEveInUtc, "Asia/Jakarta")).toEqual({ year: 2027, month: 1 });
    expect(extract("billing last month", "en", newYearsEveInUtc, "Asia/Jakarta").entities.month).toEqual({ year: 2026, month: 12 });
  });
});
