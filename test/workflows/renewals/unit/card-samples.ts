// Representative renderings of the renewal cards for the card template test
// (test/unit/cards/templates.test.ts): the heaviest cases (a long history, fifty customers of
// long names, every fact) so the 28 KB budget and Teams' rules are checked where they bite.
import type { AdaptiveCard } from "../../../../src/platform/cards/render";
import type { Translator } from "../../../../src/platform/i18n/translator";
import type { AuditEntry } from "../../../../src/platform/store/audit";
import { renewalsDueWithin } from "../../../../src/workflows/renewals/domain/due-lists";
import { renewalCard, renewalListCard } from "../../../../src/workflows/renewals/views/renewals";
import { lineItem } from "./fixtures";

const now = new Date("2026-12-01T03:00:00Z");

const history: AuditEntry[] = Array.from({ length: 30 }, (_, i) => ({
  organisationId: "org-1",
  recordKind: "renewal",
  recordId: "ri-1",
  recordVersion: i,
  at: new Date(Date.UTC(2026, 10, 1 + (i % 28), 9, i)),
  action: i === 0 ? "imported" : i % 2 ? "requoted" : "updated_from_report",
  actorName: "Bea Billing",
}));

const many = Array.from({ length: 400 }, (_, i) =>
  lineItem({
    id: `ri-${i}`,
    agreementNumber: `AG-${String(i % 50).padStart(6, "0")}`,
    lineItem: String(i).padStart(3, "0"),
    customerName: `Customer ${i % 50} with a long registered name, PT Contoso Nusantara Sejahtera Tbk`,
    description: "IBM Db2 Standard Edition, Processor Value Unit Annual SW Subscription & Support Renewal",
    endDate: `2027-0${1 + (i % 5)}-1${i % 9}`,
    currency: i % 3 ? "USD" : "IDR",
    amount: i % 3 ? "12500.55" : "250000000",
  }),
);

export const cardSamples: Record<string, (t: Translator) => AdaptiveCard[]> = {
  renewal: (t) => [
    renewalCard({ item: lineItem({ quoteNumber: "Q-2026-0042", state: "quoted", accountOwner: "Lea Hoffmann" }), t, daysLeft: 20, canWork: true, history }),
    renewalCard({
      item: lineItem({ state: "lost", lostReason: "The customer moved to a competitor.".repeat(10) }),
      t,
      daysLeft: -3,
      canWork: true,
      notice: { text: "Marked lost.", style: "good" },
    }),
  ],
  "renewal-list": (t) => [
    renewalListCard({ t, days: 180, customers: renewalsDueWithin(many, 180, "Asia/Jakarta", now), daysLeft: () => 42, start: 0 }),
    renewalListCard({ t, days: 30, customers: [], daysLeft: () => 0, start: 0, customer: "Contoso" }),
  ],
};
