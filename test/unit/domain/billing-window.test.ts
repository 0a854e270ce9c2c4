// The billing window of usage month M closes when day 2 of M+1 ends in the organisation's zone.
import { describe, expect, it } from "vitest";
import {
  billingWindowFor,
  checkBillingWindow,
  isBillingWindowOpen,
  monthOf,
  openBillingMonths,
} from "../../../src/workflows/engagements/domain/billing-window";

const at = (iso: string) => new Date(iso);

describe("the billing window", () => {
  it("takes October billing until 2 November 23:59:59.999 UTC and refuses it at 00:00 on 3 November", () => {
    expect(isBillingWindowOpen("2026-10", "UTC", at("2026-11-02T23:59:59.999Z"))).toBe(true);
    expect(isBillingWindowOpen("2026-10", "UTC", at("2026-11-03T00:00:00.000Z"))).toBe(false);
  });

  it("refuses October billing after 2 November ends in Paris, though it is still 2 November in UTC", () => {
    // Paris is UTC+1 in November: local midnight of 3 November is 23:00 UTC on the 2nd.
    expect(isBillingWindowOpen("2026-10", "Europe/Paris", at("2026-11-02T22:59:59.999Z"))).toBe(true);
    expect(isBillingWindowOpen("2026-10", "Europe/Paris", at("2026-11-02T23:00:00.000Z"))).toBe(false);
  });

  it("closes October in Jakarta at 17:00 UTC on 2 November (UTC+7, no daylight saving)", () => {
    expect(isBillingWindowOpen("2026-10", "Asia/Jakarta", at("2026-11-02T16:59:59.999Z"))).toBe(true);
    expect(isBillingWindowOpen("2026-10", "Asia/Jakarta", at("2026-11-02T17:00:00.000Z"))).toBe(false);
  });

  it("follows the daylight-saving change between the month's start and its window's end", () => {
    // March 2026 opens in Paris on winter time (UTC+1) and closes on summer time (UTC+2, from 29 March).
    const window = billingWindowFor("2026-03", "Europe/Paris");
    expect(window.opensAt.toISOString()).toBe("2026-02-28T23:00:00.000Z");
    expect(window.closesAt.toISOString()).toBe("2026-04-02T22:00:00.000Z");
    expect(isBillingWindowOpen("2026-03", "Europe/Paris", at("2026-04-02T21:59:59.999Z"))).toBe(true);
    expect(isBillingWindowOpen("2026-03", "Europe/Paris", at("2026-04-02T22:00:00.000Z"))).toBe(false);
  });

  it("bills December of the previous year during the first two days of January", () => {
    expect(billingWindowFor("2026-12", "UTC").lastDay).toBe("2027-01-02");
    expect(openBillingMonths("Asia/Jakarta", at("2027-01-02T16:59:59.999Z"))).toEqual(["2027-01", "2026-12"]);
    expect(openBillingMonths("Asia/Jakarta", at("2027-01-02T17:00:00.000Z"))).toEqual(["2027-01"]);
  });

  it("offers only the current month from day 3 on, and the previous one too on days 1 and 2", () => {
    expect(openBillingMonths("UTC", at("2026-11-15T12:00:00Z"))).toEqual(["2026-11"]);
    expect(openBillingMonths("UTC", at("2026-11-01T00:00:00Z"))).toEqual(["2026-11", "2026-10"]);
    expect(openBillingMonths("Europe/Paris", at("2026-10-31T23:30:00Z"))).toEqual(["2026-11", "2026-10"]);
  });

  it("never bills a month that has not begun in the organisation's zone", () => {
    const refusal = checkBillingWindow("2026-12", "UTC", at("2026-11-30T23:59:59.999Z"));
    expect(refusal).toEqual({ ok: false, refusal: { code: "billing_month_in_future", facts: { month: "2026-12" } } });
    // Already 1 December in Jakarta while still 30 November in UTC.
    expect(checkBillingWindow("2026-12", "Asia/Jakarta", at("2026-11-30T17:00:00Z")).ok).toBe(true);
  });

  it("explains a closed window with the month and its last day", () => {
    const result = checkBillingWindow("2026-09", "UTC", at("2026-11-01T00:00:00Z"));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.refusal.code).toBe("billing_window_closed");
      expect(result.refusal.facts).toMatchObject({ month: "2026-09", lastDay: "2026-10-02" });
    }
  });

  it("refuses a month that is not YYYY-MM", () => {
    for (const month of ["2026-13", "2026-1", "October", "2026-00"]) {
      expect(checkBillingWindow(month, "UTC", at("2026-11-01T00:00:00Z"))).toMatchObject({ ok: false, refusal: { code: "month_invalid" } });
    }
  });

  it("starts a day at the first instant after a daylight-saving gap at midnight", () => {
    // Paraguay moved its clocks from 00:00 to 01:00 on 1 October 2023.
    expect(billingWindowFor("2023-10", "America/Asuncion").opensAt.toISOString()).toBe("2023-10-01T04:00:00.000Z");
  });

  it("names the month a moment falls in, in the organisation's zone", () => {
    expect(monthOf(at("2026-12-31T20:00:00Z"), "Asia/Jakarta")).toBe("2027-01");
    expect(monthOf(at("2026-12-31T20:00:00Z"), "UTC")).toBe("2026-12");
    expect(monthOf(at("2026-01-01T02:00:00Z"), "America/New_York")).toBe("2025-12");
  });
});
