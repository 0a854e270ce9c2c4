// Months, money and days read in the reader's own style, with amounts formatted from their
// exact decimal string: no digit shown ever comes from a binary float.
import { describe, expect, it } from "vitest";
import { formatLocalizedValue, formatMoney, formatMonth } from "../../../src/platform/i18n/format";
import { translator } from "../../../src/platform/i18n/translator";

// Intl's French groups thousands with a narrow no-break space and puts a no-break space before the sign.
const NNBSP = "\u202f";
const NBSP = "\u00a0";

describe("formatMoney", () => {
  it("formats euros the French way", () => {
    expect(formatMoney("fr-FR", "1187.50", "EUR")).toBe(`1${NNBSP}187,50${NBSP}€`);
    expect(formatMoney("fr", "120.00", "EUR")).toBe(`120,00${NBSP}€`);
  });

  it("formats euros the English way, with the currency's two minor digits", () => {
    expect(formatMoney("en", "120", "EUR")).toBe("€120.00");
    expect(formatMoney("en", "-0.5", "EUR")).toBe("-€0.50");
  });

  it("shows rupiah without decimals, as Indonesians write them", () => {
    expect(formatMoney("id", "1500000", "IDR")).toBe(`Rp${NBSP}1.500.000`);
    expect(formatMoney("id-ID", "1500000.00", "IDR")).toBe(`Rp${NBSP}1.500.000`);
  });

  it("keeps every digit of an amount too large for a float", () => {
    expect(formatMoney("en", "12345678901234567.89", "EUR")).toBe("€12,345,678,901,234,567.89");
    expect(formatMoney("en", "0.30", "EUR")).toBe("€0.30");
  });

  it("shows a fraction finer than the currency's minor unit rather than rounding it away", () => {
    expect(formatMoney("en", "10.125", "EUR")).toBe("€10.125");
    expect(formatMoney("id", "1500000.5", "IDR")).toBe(`Rp${NBSP}1.500.000,5`);
  });

  it("refuses a string that is not a decimal", () => {
    expect(() => formatMoney("en", "1e3", "EUR")).toThrow(RangeError);
  });
});

describe("formatMonth", () => {
  it("names the month in words in each language", () => {
    expect(formatMonth("en", "2026-10")).toBe("October 2026");
    expect(formatMonth("fr", "2026-10")).toBe("octobre 2026");
    expect(formatMonth("id", "2026-10")).toBe("Oktober 2026");
  });

  it("names the month whatever the reader's zone: a month is not an instant", () => {
    expect(formatLocalizedValue(translator("en", "Pacific/Kiritimati"), { type: "month", month: "2026-01" })).toBe("January 2026");
    expect(formatLocalizedValue(translator("en", "Pacific/Pago_Pago"), { type: "month", month: "2026-12" })).toBe("December 2026");
  });
});

describe("formatLocalizedValue", () => {
  it("shows an instant as the day it is in the reader's zone", () => {
    const at = "2026-11-02T23:30:00Z";
    expect(formatLocalizedValue(translator("fr", "Europe/Paris"), { type: "date", at })).toBe("3 nov. 2026");
    expect(formatLocalizedValue(translator("en", "America/New_York"), { type: "date", at })).toBe("Nov 2, 2026");
    expect(formatLocalizedValue(translator("id", "Asia/Jakarta"), { type: "date", at })).toBe("3 Nov 2026");
  });
});
