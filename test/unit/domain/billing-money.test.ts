// Amounts are exact decimals with limits on size and precision, rounded half-even to the
// currency's minor units.
import { describe, expect, it } from "vitest";
import {
  QUANTITY_LIMITS,
  UNIT_COST_LIMITS,
  lineAmount,
  minorUnitDigits,
  parseCurrency,
  parseDecimal,
  sumAmounts,
} from "../../../src/workflows/engagements/domain/money";

describe("billing amounts", () => {
  it("computes quantity x unit cost exactly where binary floating point would not", () => {
    // 0.1 * 3 is 0.30000000000000004 in binary floating point.
    expect(lineAmount("3", "0.1", "EUR")).toBe("0.30");
    expect(lineAmount("1.1", "1.1", "USD")).toBe("1.21");
    expect(lineAmount("999999999.999999", "999999999.9999", "USD")).toBe("999999999999899000.00");
    expect(lineAmount("123456789.123456", "9876.5432", "USD")).toBe("1219326311111.10");
  });

  it("rounds half to even at the currency's minor unit", () => {
    expect(lineAmount("1", "0.125", "EUR")).toBe("0.12");
    expect(lineAmount("1", "0.135", "EUR")).toBe("0.14");
    expect(lineAmount("1", "2.5", "JPY")).toBe("2");
    expect(lineAmount("1", "3.5", "JPY")).toBe("4");
    expect(lineAmount("1", "1.0005", "KWD")).toBe("1.000");
  });

  it("knows the minor units of EUR, JPY and KWD", () => {
    expect([minorUnitDigits("EUR"), minorUnitDigits("JPY"), minorUnitDigits("KWD")]).toEqual([2, 0, 3]);
  });

  it("refuses a quantity of zero or below", () => {
    expect(parseDecimal("0", QUANTITY_LIMITS)).toEqual({ ok: false, rule: "not_positive" });
    expect(parseDecimal("-2", QUANTITY_LIMITS)).toEqual({ ok: false, rule: "not_positive" });
  });

  it("takes a unit cost of zero but not a negative one", () => {
    expect(parseDecimal("0.00", UNIT_COST_LIMITS)).toEqual({ ok: true, value: "0" });
    expect(parseDecimal("-0.5", UNIT_COST_LIMITS)).toEqual({ ok: false, rule: "negative" });
  });

  it("limits a quantity to 6 decimals and below one billion", () => {
    expect(parseDecimal("1.123456", QUANTITY_LIMITS)).toEqual({ ok: true, value: "1.123456" });
    expect(parseDecimal("1.1234567", QUANTITY_LIMITS)).toEqual({ ok: false, rule: "too_many_decimals" });
    expect(parseDecimal("999999999.5", QUANTITY_LIMITS)).toEqual({ ok: true, value: "999999999.5" });
    expect(parseDecimal("1000000000", QUANTITY_LIMITS)).toEqual({ ok: false, rule: "too_large" });
  });

  it("limits a unit cost to 4 decimals, ignoring trailing zeros", () => {
    expect(parseDecimal("12.34560", UNIT_COST_LIMITS)).toEqual({ ok: true, value: "12.3456" });
    expect(parseDecimal("12.34567", UNIT_COST_LIMITS)).toEqual({ ok: false, rule: "too_many_decimals" });
  });

  it("reads a decimal comma and keeps canonical strings", () => {
    expect(parseDecimal("2,5", QUANTITY_LIMITS)).toEqual({ ok: true, value: "2.5" });
    expect(parseDecimal(" 007.50 ", QUANTITY_LIMITS)).toEqual({ ok: true, value: "7.5" });
    expect(parseDecimal(2.5, QUANTITY_LIMITS)).toEqual({ ok: true, value: "2.5" });
  });

  it("refuses text that is not a plain decimal rather than guessing", () => {
    for (const input of ["", "abc", "1e3", "1,000.5", "1.2.3", "Infinity", "NaN", " . "]) {
      expect(parseDecimal(input, QUANTITY_LIMITS)).toEqual({ ok: false, rule: "not_a_number" });
    }
    expect(parseDecimal(Number.NaN, QUANTITY_LIMITS)).toEqual({ ok: false, rule: "not_a_number" });
  });

  it("accepts ISO 4217 currency codes only", () => {
    expect(parseCurrency(" eur ")).toEqual({ ok: true, value: "EUR" });
    expect(parseCurrency("IDR")).toEqual({ ok: true, value: "IDR" });
    expect(parseCurrency("EURO")).toMatchObject({ ok: false, refusal: { code: "currency_invalid" } });
    expect(parseCurrency("XYZ")).toMatchObject({ ok: false, refusal: { code: "currency_invalid" } });
  });

  it("sums amounts exactly", () => {
    expect(sumAmounts(["0.10", "0.20", "0.30"], "EUR")).toBe("0.60");
    expect(sumAmounts([], "EUR")).toBe("0.00");
  });
});
