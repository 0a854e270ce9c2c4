// Units are exact decimals, fractional where the unit is (GB-months), never negative.
import { describe, expect, it } from "vitest";
import { compareUnits, parseUnits, sumUnits } from "../../../../src/workflows/usage-reports/domain/units";

describe("units on a usage report", () => {
  it("reads typed units as exact decimals, with a point or a comma", () => {
    expect(parseUnits("12")).toEqual({ ok: true, value: "12" });
    expect(parseUnits(" 0.50 ")).toEqual({ ok: true, value: "0.5" });
    expect(parseUnits("3,25")).toEqual({ ok: true, value: "3.25" });
    expect(parseUnits(7.125)).toEqual({ ok: true, value: "7.125" });
  });

  it("accepts zero units", () => {
    expect(parseUnits("0")).toEqual({ ok: true, value: "0" });
  });

  it("refuses negative units", () => {
    expect(parseUnits("-1")).toEqual({ ok: false, rule: "negative" });
    expect(parseUnits(-0.5)).toEqual({ ok: false, rule: "negative" });
  });

  it("refuses text, grouping separators and exponents instead of guessing", () => {
    for (const text of ["", "ten", "1 000", "1,000.5", "1e3", "NaN"]) expect(parseUnits(text)).toEqual({ ok: false, rule: "not_a_number" });
    expect(parseUnits(Number.POSITIVE_INFINITY)).toEqual({ ok: false, rule: "not_a_number" });
  });

  it("refuses more than six decimals and counts of a trillion or more", () => {
    expect(parseUnits("0.1234567")).toEqual({ ok: false, rule: "too_many_decimals" });
    expect(parseUnits("0.1234560")).toEqual({ ok: true, value: "0.123456" });
    expect(parseUnits("1000000000000")).toEqual({ ok: false, rule: "too_large" });
  });

  it("compares and sums without binary rounding", () => {
    expect(compareUnits("0.3", "0.30")).toBe(0);
    expect(sumUnits(["0.1", "0.2"])).toBe("0.3");
    expect(compareUnits("10", "9.999999")).toBe(1);
  });
});
