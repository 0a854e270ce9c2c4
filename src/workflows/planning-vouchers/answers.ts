// Answers that a typed question and a card button both give: one voucher's card as this reader
// may see it, the open list by urgency, and the partner's standing. Always within the reader's
// organisation; buttons only for those who may act.
import type { TurnScope } from "../../platform/bot/turn-scope";
import type { AdaptiveCard } from "../../platform/cards/render";
import { today } from "./domain/calendar-days";
import { consultantEligibility, partnerEligibility } from "./domain/eligibility";
import { VOUCHER_PERMISSIONS } from "./domain/permissions";
import { openVouchersByUrgency } from "./domain/urgency";
import type { Voucher } from "./domain/voucher";
import { findEngagementType, listConsultants, loadStanding } from "./store/standing";
import { listOpenVouchers, listVoucherHistory } from "./store/vouchers";
import { standingCard, voucherListCard } from "./views/lists";
import { type Notice, voucherCard } from "./views/voucher";

export function canManage(scope: Pick<TurnScope, "actor">): boolean {
  return VOUCHER_PERMISSIONS.can(scope.actor.role, "voucher.manage");
}

export async function voucherCardFor(
  scope: TurnScope,
  voucher: Voucher,
  options: { notice?: Notice; history?: boolean; values?: Record<string, string> } = {},
): Promise<AdaptiveCard> {
  const { db } = scope.services;
  const timeZone = scope.organisation.timeZone;
  const day = today(timeZone, scope.now);
  const type = await findEngagementType(db, voucher.organisationId, voucher.engagementTypeCode);
  const eligibility = type && voucher.state === "assigned" ? partnerEligibility(type, await loadStanding(db, voucher.organisationId), day) : undefined;
  const consultants = type && voucher.state === "reserved" ? await listConsultants(db, voucher.organisationId) : [];
  const history = options.history ? await listVoucherHistory(db, voucher) : [];
  return voucherCard({
    voucher,
    t: scope.t,
    now: scope.now,
    timeZone,
    canManage: canManage(scope),
    ...(type ? { engagementTypeName: type.name } : {}),
    ...(eligibility ? { eligibility } : {}),
    eligibleConsultants: type ? consultants.filter((consultant) => consultantEligibility(type, consultant, day).eligible) : [],
    ...(options.notice ? { notice: options.notice } : {}),
    ...(options.values ? { values: options.values } : {}),
    history,
  });
}

export async function openVouchersCard(scope: TurnScope, options: { title?: string; within?: number } = {}): Promise<AdaptiveCard> {
  const timeZone = scope.organisation.timeZone;
  const open = openVouchersByUrgency(await listOpenVouchers(scope.services.db, scope.organisation.id), timeZone, scope.now);
  return voucherListCard({
    t: scope.t,
    title: options.title ?? scope.t.t("voucher.list.title", { count: open.length }),
    vouchers: open,
    canManage: canManage(scope),
    timeZone,
    now: scope.now,
  });
}

export async function partnerStandingCard(scope: TurnScope): Promise<AdaptiveCard> {
  const standing = await loadStanding(scope.services.db, scope.organisation.id);
  return standingCard({ t: scope.t, standing, timeZone: scope.organisation.timeZone, now: scope.now });
}
