// Issue 17, "Renewals": importing the vendor's report is idempotent by agreement and line item;
// the report's facts update an item, a quote number in it marks the item quoted, and the
// reseller's own outcome is kept.
import { describe, expect, it } from "vitest";
import type { TRenewalLineItemRecord } from "../../../../src/workflows/renewals/domain/line-items";
import { lineItemKey, ZRenewalLineItemRecord } from "../../../../src/workflows/renewals/domain/line-items";
import { applyReportLineItem } from "../../../../src/workflows/renewals/domain/report-import";
import { lineItem } from "./fixtures";

const record: TRenewalLineItemRecord = {
  agreementNumber: "2024-AG-7731",
  lineItem: "001",
  siteNumber: "1234567",
  siteName: "Contoso Jakarta",
  customerName: "Contoso",
  description: "IBM Db2 Standard Edition",
  endDate: "2027-03-31",
  amount: "12500.00",
  currency: "USD",
};
const context = { id: "ri-1", organisationId: "org-1" };

describe("applying a report line item", () => {
  it("takes the same record from the inbound API, checked by its schema", () => {
    expect(ZRenewalLineItemRecord.parse(record)).toEqual(record);
    expect(ZRenewalLineItemRecord.safeParse({ ...record, amount: "12,500.00" }).success).toBe(false);
    expect(ZRenewalLineItemRecord.safeParse({ ...record, endDate: "31/03/2027" }).success).toBe(false);
    expect(ZRenewalLineItemRecord.safeParse({ ...record, endDate: "2027-02-29" }).success).toBe(false);
    expect(ZRenewalLineItemRecord.safeParse({ ...record, currency: "usd" }).success).toBe(false);
    expect(ZRenewalLineItemRecord.safeParse({ ...record, amount: "1.005" }).success).toBe(false);
  });

  it("keys line items by agreement and line item", () => {
    expect(lineItemKey(record)).toBe("2024-AG-7731/001");
  });

  it("creates an open item, or a quoted one when the report names a quote", () => {
    expect(applyReportLineItem(undefined, record, context)).toEqual({
      record: lineItem(),
      audit: [{ action: "imported", after: { ...record, state: "open" } }],
    });
    expect(applyReportLineItem(undefined, { ...record, quoteNumber: "Q-1" }, context).record).toMatchObject({ state: "quoted", quoteNumber: "Q-1" });
  });

  it("changes nothing when the same row comes again", () => {
    const existing = lineItem();
    const change = applyReportLineItem(existing, record, context);
    expect(change.record).toBe(existing);
    expect(change.audit).toEqual([]);
  });

  it("updates changed facts, saying what changed, and clears a fact the report no longer gives", () => {
    const change = applyReportLineItem(lineItem({ version: 2 }), { ...record, endDate: "2027-06-30", amount: "13000.00", description: undefined }, context);
    expect(change.record).toMatchObject({ endDate: "2027-06-30", amount: "13000.00", version: 3 });
    expect(change.record).not.toHaveProperty("description");
    expect(change.audit).toEqual([
      {
        action: "updated_from_report",
        before: { description: "IBM Db2 Standard Edition", endDate: "2027-03-31", amount: "12500.00" },
        after: { description: undefined, endDate: "2027-06-30", amount: "13000.00" },
      },
    ]);
  });

  it("marks an open item quoted from the report's quote number", () => {
    const change = applyReportLineItem(lineItem(), { ...record, quoteNumber: "Q-7" }, context);
    expect(change.record).toMatchObject({ state: "quoted", quoteNumber: "Q-7", version: 1 });
    expect(change.audit).toEqual([{ action: "quoted", before: { state: "open" }, after: { state: "quoted", quoteNumber: "Q-7" } }]);
  });

  it("never reopens a renewed or lost item", () => {
    const change = applyReportLineItem(lineItem({ state: "lost", lostReason: "price" }), { ...record, quoteNumber: "Q-7", amount: "1.00" }, context);
    expect(change.record).toMatchObject({ state: "lost", amount: "1.00" });
    expect(change.audit.map((entry) => entry.action)).toEqual(["updated_from_report"]);
  });

  it("follows the report's account owner to the partner user it names", () => {
    const change = applyReportLineItem(lineItem({ ownerUserId: "aad-old" }), record, { ...context, ownerUserId: "aad-ari" });
    expect(change.record.ownerUserId).toBe("aad-ari");
    expect(change.audit).toEqual([{ action: "updated_from_report", before: { ownerUserId: "aad-old" }, after: { ownerUserId: "aad-ari" } }]);
  });
});
