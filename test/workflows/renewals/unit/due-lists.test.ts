// Issue 17, "Renewals in Teams": renewals due in the next 30, 90 or 180 days, grouped by
// customer, with value totals per currency.
import { describe, expect, it } from "vitest";
import { DUE_WINDOWS, parseDueWindow, renewalsDueWithin } from "../../../../src/workflows/renewals/domain/due-lists";
import { lineItem, zone } from "./fixtures";

const now = new Date("2027-03-01T03:00:00Z"); // 1 March 2027, 10:00 in Jakarta
const items = [
  lineItem({ id: "a", lineItem: "001", endDate: "2027-03-31", amount: "12500.00" }),
  lineItem({ id: "b", lineItem: "002", endDate: "2027-03-15", amount: "0.10", state: "quoted", quoteNumber: "Q-1" }),
  lineItem({ id: "c", lineItem: "003", endDate: "2027-03-20", amount: "0.20" }),
  lineItem({ id: "d", lineItem: "004", endDate: "2027-03-10", amount: "150000000", currency: "IDR", customerName: "CONTOSO " }),
  lineItem({ id: "e", agreementNumber: "2025-AG-0001", customerName: "Fabrikam", endDate: "2027-03-05", amount: "900.00" }),
  lineItem({ id: "f", customerName: "Fabrikam", endDate: "2027-05-20", amount: "1.00" }),
  lineItem({ id: "g", customerName: "Northwind", endDate: "2027-03-02", state: "renewed" }),
  lineItem({ id: "h", customerName: "Northwind", endDate: "2027-02-28" }),
];

describe("renewals due within a window", () => {
  it("groups open and quoted items ending within 30 days by customer, soonest first, totals per currency", () => {
    const groups = renewalsDueWithin(items, 30, zone, now);
    expect(groups.map((group) => group.customerName)).toEqual(["Fabrikam", "Contoso"]);
    expect(groups[0]?.totals).toEqual([{ currency: "USD", amount: "900.00" }]);
    expect(groups[1]?.items.map((item) => item.id)).toEqual(["d", "b", "c", "a"]);
    expect(groups[1]?.totals).toEqual([
      { currency: "IDR", amount: "150000000" },
      { currency: "USD", amount: "12500.30" },
    ]);
  });

  it("widens to 90 days, still leaving out renewed items and lapsed ones", () => {
    const groups = renewalsDueWithin(items, 90, zone, now);
    expect(groups.flatMap((group) => group.items.map((item) => item.id)).sort()).toEqual(["a", "b", "c", "d", "e", "f"]);
  });

  it("includes an item ending today and one ending exactly at the window's last day", () => {
    const edge = [
      lineItem({ id: "today", endDate: "2027-03-01" }),
      lineItem({ id: "last", endDate: "2027-03-31" }),
      lineItem({ id: "out", endDate: "2027-04-01" }),
    ];
    expect(renewalsDueWithin(edge, 30, zone, now).flatMap((group) => group.items.map((item) => item.id))).toEqual(["today", "last"]);
  });

  it("offers 30, 90 and 180 days and takes any whole number up to 180 in words", () => {
    expect(DUE_WINDOWS.map((days) => parseDueWindow(days).ok)).toEqual([true, true, true]);
    expect(parseDueWindow(45)).toEqual({ ok: true, value: 45 });
    expect(parseDueWindow(181)).toEqual({ ok: false, refusal: { code: "due_window_invalid", facts: { days: "181", max: 180 } } });
    expect(parseDueWindow(0).ok).toBe(false);
    expect(parseDueWindow(2.5).ok).toBe(false);
  });
});
