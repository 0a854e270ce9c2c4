// Units on a usage report are exact decimals (GB-months come in fractions), never negative and
// never floats: typed text is parsed into a canonical decimal string, compared and summed exactly.
import Decimal from "decimal.js";

// Our own Decimal flavour: settings of other users of decimal.js do not leak into units.
const Units = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 40 });

/** Most digits after the decimal point the platform's unit counts carry. */
export const UNITS_MAX_DECIMALS = 6;
/** Unit counts stay strictly below this. */
export const UNITS_BELOW = "1000000000000";

export type UnitsRule = "not_a_number" | "negative" | "too_many_decimals" | "too_large";

// Digits with an optional fraction; a comma is accepted as the decimal mark (French, Indonesian).
const UNITS_PATTERN = /^\+?(\d{1,30})(?:[.,](\d{1,30}))?$/;

/**
 * "12", "0.5", "3,25" and JSON numbers become canonical strings ("12", "0.5", "3.25"); zero is a
 * valid count. Grouping separators and exponents are refused rather than guessed at.
 */
export function parseUnits(input: string | number): { ok: true; value: string } | { ok: false; rule: UnitsRule } {
  const text = (typeof input === "number" ? (Number.isFinite(input) ? input.toString() : "NaN") : input).trim();
  if (/^-\s*\d/.test(text)) return { ok: false, rule: "negative" };
  const match = UNITS_PATTERN.exec(text);
  if (!match) return { ok: false, rule: "not_a_number" };
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (fraction.length > UNITS_MAX_DECIMALS) return { ok: false, rule: "too_many_decimals" };
  const value = new Units(`${match[1]}${fraction ? `.${fraction}` : ""}`);
  if (value.greaterThanOrEqualTo(UNITS_BELOW)) return { ok: false, rule: "too_large" };
  return { ok: true, value: value.toFixed() };
}

/** -1, 0 or 1, as `a` is below, equal to or above `b`. */
export function compareUnits(a: string, b: string): -1 | 0 | 1 {
  return new Units(a).comparedTo(b) as -1 | 0 | 1;
}

export function sumUnits(values: readonly string[]): string {
  return values.reduce((sum, value) => sum.plus(value), new Units(0)).toFixed();
}

/** a - b, exactly; negative when b is the larger. */
export function unitsDifference(a: string, b: string): string {
  return new Units(a).minus(b).toFixed();
}

export function largerUnits(a: string, b: string): string {
  return compareUnits(a, b) >= 0 ? a : b;
}
