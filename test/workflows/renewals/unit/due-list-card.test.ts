// The due list card: customers a page at a time, each with its exact totals per currency, the
// next page starting after the last customer shown, and never more than Teams takes (28 KB).
import { describe, expect, it } from "vitest";
import { translator } from "../../../../src/platform/i18n/translator";
import { renewalsDueWithin } from "../../../../src/workflows/renewals/domain/due-lists";
import { renewalListCard } from "../../../../src/workflows/renewals/views/renewals";
import { cardText } from "../../../support/bot";
import { lineItem, zone } from "./fixtures";

const now = new Date("2026-12-01T03:00:00Z");
const t = translator("en", zone);

function items(customers: number, perCustomer: number, description = "IBM Db2") {
  return Array.from({ length: customers * perCustomer }, (_, i) =>
    lineItem({
      id: `ri-${i}`,
      lineItem: String(i).padStart(4, "0"),
      customerName: `Customer ${String(i % customers).padStart(2, "0")}`,
      endDate: "2027-01-15",
      amount: "0.10",
      description,
    }),
  );
}

const nextButton = (card: object) =>
  JSON.stringify(card)
    .match(/"verb":"renewal.list","data":\{"days":"?(\d+)"?,"customer":"","start":"?(\d+)"?\}/)
    ?.slice(1);

describe("the renewals due card", () => {
  it("shows ten customers a page and offers the next page after them", () => {
    const customers = renewalsDueWithin(items(25, 3), 90, zone, now);
    const first = renewalListCard({ t, days: 90, customers, daysLeft: () => 45, start: 0 });
    expect(cardText(first)).toContain("Customer 00: 3 line items, $0.30");
    expect(cardText(first)).not.toContain("Customer 10");
    expect(nextButton(first)).toEqual(["90", "10"]);
    const last = renewalListCard({ t, days: 90, customers, daysLeft: () => 45, start: 20 });
    expect(cardText(last)).toContain("Customer 24");
    expect(nextButton(last)).toBeUndefined();
  });

  it("ends a page early rather than pass 28 KB, and starts the next page at the first customer left out", () => {
    const customers = renewalsDueWithin(
      items(10, 8, "IBM Db2 Standard Edition Processor Value Unit Annual SW Subscription & Support Renewal ".repeat(3)),
      90,
      zone,
      now,
    );
    const card = renewalListCard({ t, days: 90, customers, daysLeft: () => 45, start: 0 });
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(27 * 1024);
    const [, start] = nextButton(card) ?? [];
    expect(Number(start)).toBeGreaterThan(0);
    expect(Number(start)).toBeLessThan(10);
  });
});
