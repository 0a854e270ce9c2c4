// Representative renderings of the voucher cards (cards/voucher*.json), through the same view
// builders the bot uses: a voucher at every state with its form, eligible and not, expired, a
// long history, the open list at its longest page, and the partner's standing.
import type { AdaptiveCard } from "../../../../src/platform/cards/render";
import type { Translator } from "../../../../src/platform/i18n/translator";
import type { AuditEntry } from "../../../../src/platform/store/audit";
import { partnerEligibility } from "../../../../src/workflows/planning-vouchers/domain/eligibility";
import type { Voucher } from "../../../../src/workflows/planning-vouchers/domain/voucher";
import { LIST_ROWS, standingCard, voucherListCard } from "../../../../src/workflows/planning-vouchers/views/lists";
import { voucherCard } from "../../../../src/workflows/planning-vouchers/views/voucher";
import { assigned, completionCommand, consultants, now, standing, windowsPlanning, zone } from "./fixtures";
import { voucherIn as walkTo } from "./walk";

type CardSamples = Record<string, (t: Translator) => AdaptiveCard[]>;

const history: AuditEntry[] = Array.from({ length: 7 }, (_, i) => ({
  organisationId: "org-1",
  recordKind: "voucher",
  recordId: "v1",
  recordVersion: i,
  at: new Date(Date.UTC(2026, 11, 1 + i, 9)),
  action: ["imported", "reserved", "scheduled", "completion_report_filed", "redeemed", "invoiced", "payment_confirmed"][i] ?? "imported",
  actorName: "Ana Admin",
}));

function states(): Voucher[] {
  return (["assigned", "reserved", "scheduled", "delivered", "redeemed", "invoiced", "paid"] as const).map((state) => walkTo(state));
}

export const cardSamples: CardSamples = {
  voucher: (t) => [
    ...states().map((voucher) =>
      voucherCard({ voucher, t, now, timeZone: zone, canManage: true, engagementTypeName: windowsPlanning.name, eligibleConsultants: consultants.slice(0, 1) }),
    ),
    voucherCard({ voucher: assigned, t, now, timeZone: zone, canManage: true, eligibility: partnerEligibility(windowsPlanning, standing, "2026-12-01") }),
    voucherCard({
      voucher: assigned,
      t,
      now,
      timeZone: zone,
      canManage: true,
      eligibility: partnerEligibility(windowsPlanning, { ...standing, competencies: [], enrolments: [] }, "2026-12-01"),
      notice: { text: "Not eligible", style: "attention" },
      values: { administratorEmail: "x@y.example" },
    }),
    voucherCard({ voucher: { ...assigned, expiresOn: "2026-11-30" }, t, now, timeZone: zone, canManage: true }),
    voucherCard({ voucher: walkTo("reserved"), t, now, timeZone: zone, canManage: true, eligibleConsultants: [] }),
    voucherCard({
      voucher: walkTo("paid"),
      t,
      now,
      timeZone: zone,
      canManage: false,
      history,
      values: { deliverables: completionCommand.deliverables.join("\n") },
    }),
  ],
  "voucher-list": (t) => [
    voucherListCard({ t, title: "Open vouchers", vouchers: [], canManage: true, timeZone: zone, now }),
    voucherListCard({
      t,
      title: "Open vouchers",
      vouchers: Array.from({ length: LIST_ROWS + 5 }, (_, i) => ({
        ...walkTo(i % 2 ? "assigned" : "delivered"),
        id: `v${i}`,
        reference: `VCH-${1000 + i}`,
        customerName: "Contoso Pharmaceuticals Europe".repeat(2),
      })),
      canManage: true,
      timeZone: zone,
      now,
    }),
  ],
  "voucher-standing": (t) => [
    standingCard({ t, standing, timeZone: zone, now }),
    standingCard({ t, standing: { partnerIds: [], enrolments: [], competencies: [] }, timeZone: zone, now }),
    standingCard({
      t,
      standing: { ...standing, competencies: [{ name: "Cloud Platform", level: "silver", validThrough: "2026-10-03" }] },
      timeZone: zone,
      now,
    }),
  ],
};
