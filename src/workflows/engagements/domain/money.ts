// Exact decimal amounts for billing: what people type is parsed as a decimal string (never
// through a binary float), checked against size and precision limits, and amounts are rounded
// half-even to the currency's minor units. Values leave this module as canonical strings.
import Decimal from "decimal.js";
import { type Result, accept, refuse } from "../../../platform/domain/result";

// Our own Decimal flavour: settings of other users of decimal.js do not leak into money.
const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 40 });
type Money = InstanceType<typeof Money>;

export interface DecimalLimits {
  /** Most digits after the decimal point. */
  maxDecimals: number;
  /** Values must stay strictly below this. */
  below: string;
  /** Whether zero is allowed (a unit cost may be zero, a quantity may not). */
  allowZero: boolean;
}

export const QUANTITY_LIMITS: DecimalLimits = { maxDecimals: 6, below: "1000000000", allowZero: false };
export const UNIT_COST_LIMITS: DecimalLimits = { maxDecimals: 4, below: "1000000000", allowZero: true };
export const RATED_AMOUNT_LIMITS: DecimalLimits = { maxDecimals: 4, below: "1000000000000000000", allowZero: true };

export type DecimalRule = "not_a_number" | "not_positive" | "negative" | "too_many_decimals" | "too_large";

// Digits with an optional fraction; a comma is accepted as the decimal mark (French, Indonesian).
const DECIMAL_PATTERN = /^\+?(\d{1,30})(?:[.,](\d{1,30}))?$/;

/**
 * Parses typed text into a canonical decimal string ("1.5", "0", "12.3456"), or says which
 * rule it breaks. Grouping separators and exponents are refused rather than guessed at.
 */
export function parseDecimal(input: string | number, limits: DecimalLimits): { ok: true; value: string } | { ok: false; rule: DecimalRule } {
  const text = (typeof input === "number" ? numberText(input) : input).trim();
  const negative = text.startsWith("-");
  const match = DECIMAL_PATTERN.exec(negative ? text.slice(1) : text);
  if (!match) return { ok: false, rule: "not_a_number" };
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  const value = new Money(`${negative ? "-" : ""}${match[1]}${fraction ? `.${fraction}` : ""}`);
  if (value.isZero()) return limits.allowZero ? { ok: true, value: "0" } : { ok: false, rule: "not_positive" };
  if (value.isNegative()) return { ok: false, rule: limits.allowZero ? "negative" : "not_positive" };
  if (fraction.length > limits.maxDecimals) return { ok: false, rule: "too_many_decimals" };
  if (value.greaterThanOrEqualTo(limits.below)) return { ok: false, rule: "too_large" };
  return { ok: true, value: value.toFixed() };
}

// Card inputs may arrive as JSON numbers; their shortest decimal form is what the user typed.
function numberText(value: number): string {
  return Number.isFinite(value) ? value.toString() : "NaN";
}

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && KNOWN_CURRENCIES.has(code);
}

const KNOWN_CURRENCIES = new Set<string>(Intl.supportedValuesOf("currency"));

/** Digits after the decimal point in the currency's minor unit: 2 for EUR, 0 for JPY, 3 for KWD. */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function parseCurrency(input: string): Result<string> {
  const code = input.trim().toUpperCase();
  return isCurrencyCode(code) ? accept(code) : refuse("currency_invalid", { currency: input.trim().slice(0, 10) });
}

/** quantity x unit cost, rounded half-even to the currency's minor units, as a fixed-point string. */
export function lineAmount(quantity: string, unitCost: string, currency: string): string {
  return roundToCurrency(new Money(quantity).times(unitCost), currency);
}

export function roundToCurrency(value: string | Money, currency: string): string {
  return new Money(value).toDecimalPlaces(minorUnitDigits(currency), Money.ROUND_HALF_EVEN).toFixed(minorUnitDigits(currency));
}

/** Sums canonical amount strings exactly. */
export function sumAmounts(amounts: readonly string[], currency: string): string {
  const total = amounts.reduce((sum, amount) => sum.plus(amount), new Money(0));
  return roundToCurrency(total, currency);
}
