// Exact amounts for voucher values and invoices: typed text is read as a decimal string (never
// through a binary float), in an ISO 4217 currency, with no more decimals than the currency's
// minor unit. Amounts leave this module as canonical strings ("1250.5", "1250.50" -> "1250.5").
import Decimal from "decimal.js";

// Our own Decimal flavour: settings of other users of decimal.js do not leak into money.
const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 40 });

export type AmountRule = "not_a_number" | "not_positive" | "too_many_decimals" | "too_large";

/** Amounts stay strictly below this. */
export const AMOUNT_LIMIT = "1000000000000";

// Digits with an optional fraction; a comma is accepted as the decimal mark (French, Indonesian).
const AMOUNT_PATTERN = /^\+?(\d{1,30})(?:[.,](\d{1,30}))?$/;

const KNOWN_CURRENCIES = new Set<string>(Intl.supportedValuesOf("currency"));

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && KNOWN_CURRENCIES.has(code);
}

/** Digits after the decimal point in the currency's minor unit: 2 for EUR, 0 for JPY, 3 for KWD. */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Reads a positive amount in `currency`, or says which rule it breaks. Grouping and exponents are refused, not guessed at. */
export function parseAmount(input: string, currency: string): { ok: true; value: string } | { ok: false; rule: AmountRule } {
  const text = input.trim();
  if (text.startsWith("-")) return AMOUNT_PATTERN.test(text.slice(1)) ? { ok: false, rule: "not_positive" } : { ok: false, rule: "not_a_number" };
  const match = AMOUNT_PATTERN.exec(text);
  if (!match) return { ok: false, rule: "not_a_number" };
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  const value = new Exact(`${match[1]}${fraction ? `.${fraction}` : ""}`);
  if (value.isZero()) return { ok: false, rule: "not_positive" };
  if (fraction.length > minorUnitDigits(currency)) return { ok: false, rule: "too_many_decimals" };
  if (value.greaterThanOrEqualTo(AMOUNT_LIMIT)) return { ok: false, rule: "too_large" };
  return { ok: true, value: value.toFixed() };
}

export function amountExceeds(amount: string, limit: string): boolean {
  return new Exact(amount).greaterThan(limit);
}
