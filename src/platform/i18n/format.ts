// Facts whose words depend on the reader (a month, an amount of money, a day) and how
// each reads in the reader's language and zone. Messages stored for later delivery (the
// outbox) keep the fact itself, so the words are chosen when the reader is known.
import type { Translator } from "./translator";

export type LocalizedValue =
  /** A calendar month "YYYY-MM": "October 2026" / "octobre 2026" / "Oktober 2026". */
  | { type: "month"; month: string }
  /** An exact decimal string ("1187.50") and an ISO 4217 code. */
  | { type: "money"; amount: string; currency: string }
  /** An instant (ISO 8601), shown as the day it is in the reader's zone. */
  | { type: "date"; at: string };

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

export function formatMonth(locale: string, month: string): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  // A month is a calendar label, not an instant: formatted in UTC so no zone can shift it.
  return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(Date.UTC(year, monthNumber - 1, 15));
}

/**
 * The amount in the currency's style for the locale ("1 187,50 €", "Rp 1.500.000"). Intl
 * formats the decimal string itself, never a float made from it, and shows every significant
 * digit the amount has: a fraction finer than the currency's minor unit is shown, not rounded.
 */
export function formatMoney(locale: string, amount: string, currency: string): string {
  if (!DECIMAL_PATTERN.test(amount)) throw new RangeError(`not a decimal amount: ${amount}`);
  const style = new Intl.NumberFormat(locale, { style: "currency", currency });
  const minorDigits = style.resolvedOptions().maximumFractionDigits ?? 2;
  const significantFraction = (amount.split(".")[1] ?? "").replace(/0+$/, "").length;
  const digits = Math.max(minorDigits, significantFraction);
  const format = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: minorDigits, maximumFractionDigits: digits });
  return format.format(amount as `${number}`);
}

/** The value in the translator's language and zone. */
export function formatLocalizedValue(t: Translator, value: LocalizedValue): string {
  switch (value.type) {
    case "month":
      return formatMonth(t.locale, value.month);
    case "money":
      return formatMoney(t.locale, value.amount, value.currency);
    case "date":
      return t.formatDate(new Date(value.at));
  }
}
