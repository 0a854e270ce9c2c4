// Renewal values: decimal strings, never floats, written the way the report's language writes
// them ("1,234.50" in an English file, "1.234,50" in an Indonesian one), at most the currency's
// minor digits, and summed exactly per currency.
import Decimal from "decimal.js";

const Amount = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 40 });

export type NumberStyle = "en" | "id";

const STYLES: Record<NumberStyle, { group: string; decimal: string }> = {
  en: { group: ",", decimal: "." },
  id: { group: ".", decimal: "," },
};

const KNOWN_CURRENCIES = new Set<string>(Intl.supportedValuesOf("currency"));

export function parseCurrencyCode(input: string): string | undefined {
  const code = input.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) && KNOWN_CURRENCIES.has(code) ? code : undefined;
}

/** Digits after the decimal point in the currency's minor unit: 2 for USD, 0 for JPY. */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export type AmountParse = { ok: true; value: string } | { ok: false; rule: "invalid" | "precision" };

/**
 * Reads a non-negative amount in the file's style: plain digits, or groups of three with the
 * style's grouping mark, and an optional fraction after its decimal mark. A mark used the other
 * way round ("1.234,50" in an English file) is refused, not guessed at.
 */
export function parseAmount(input: string, style: NumberStyle, currency: string): AmountParse {
  const { group, decimal } = STYLES[style];
  const text = input.trim().replace(/[\s\u00a0]/g, "");
  const g = `\\${group}`;
  const d = `\\${decimal}`;
  const match = new RegExp(`^(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}(\\d+))?$`).exec(text);
  if (!match) return { ok: false, rule: "invalid" };
  const whole = (match[1] ?? "").split(group).join("");
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (fraction.length > minorUnitDigits(currency)) return { ok: false, rule: "precision" };
  return { ok: true, value: new Amount(`${whole}${fraction ? `.${fraction}` : ""}`).toFixed(minorUnitDigits(currency)) };
}

/** Sums canonical amount strings of one currency exactly. */
export function sumAmounts(amounts: readonly string[], currency: string): string {
  return amounts.reduce((sum, amount) => sum.plus(amount), new Amount(0)).toFixed(minorUnitDigits(currency));
}
